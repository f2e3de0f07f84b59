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
}
