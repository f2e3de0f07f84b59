/**
 * What one change's writes did, as each kind's apply reports it. Each kind's apply counts every
 * request GitHub accepted into `writes` as it goes, so a failure half way through a change (the
 * second batch of a bypass list) still reports the writes that went through.
 */
export interface WriteLog {
  /** Write requests GitHub accepted so far. */
  writes: number;
  /** A remark for the result, e.g. why a removal turned out not to be needed. */
  note?: string;
  /**
   * The resource's state as GitHub's answer to the last write shows it (the limit object a PUT
   * returns, the cap a PATCH returns, nothing after a DELETE's 204), in the kind's observed
   * shape. When set, that answer is the confirmation and nothing is read back; when absent
   * (a bypass list's 204s show nothing), the resource is read back.
   */
  answered?: { readonly observed: unknown };
}
