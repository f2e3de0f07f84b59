/** What a repository holds of this feature (state/model.ts). */
export interface BypassListFields {
  /** Canonical logins, in the order they were added. */
  bypassList: string[];
}
