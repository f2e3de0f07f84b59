import type { GitHubClient } from '../github';

/**
 * GitHub's clock for expiry decisions, in every provider process. The client follows the `Date`
 * header of GitHub's answers, but Terraform starts a fresh provider process to apply, and its
 * first call plans again from private data before anything is read: with no answer yet, the
 * client's clock is this machine's. So each observation records how far GitHub's clock was from
 * this machine's, and a process that has not heard from GitHub yet uses that offset.
 */
export interface ServerClock {
  /** GitHub's clock: from its last answer, else from `recordedOffsetMs`, else this machine's. */
  now(recordedOffsetMs?: number): Date;
  /** GitHub's clock minus this machine's, once GitHub has answered in this process. */
  offsetMs(): number | undefined;
}

export function serverClock(client: GitHubClient): ServerClock {
  let answered = false;
  client.octokit.hook.after('request', () => {
    answered = true;
  });
  client.octokit.hook.error('request', (error) => {
    if ((error as { response?: unknown }).response) answered = true;
    throw error;
  });
  return {
    now: (recordedOffsetMs) =>
      answered || recordedOffsetMs === undefined
        ? client.now()
        : new Date(Date.now() + recordedOffsetMs),
    offsetMs: () => (answered ? client.now().getTime() - Date.now() : undefined),
  };
}
