/** The pull-request creation cap as stored on an org or a repository (state/model.ts). */
export interface CreationCapRecord {
  readonly enabled: boolean;
  readonly maxOpenPullRequests: number;
  /**
   * Whether draft pull requests count against the cap (`include_drafts`; GitHub's default:
   * they do not). Absent in state files written before the field existed: reads as false.
   */
  readonly includeDrafts?: boolean;
}

/** What orgs and repositories hold of this feature. */
export interface CreationCapFields {
  /** False: the creation-cap endpoints answer 405 for this org or repository. */
  creationCapAvailable: boolean;
  /** Absent until first set: reads as DEFAULT_CREATION_CAP. */
  creationCap?: CreationCapRecord;
}
