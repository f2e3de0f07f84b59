import type { GitHubClient } from '../github';

/** Where "now" comes from for expiry decisions. */
export type Clock = () => Date;

/**
 * The clock to decide expiry with: the caller's, else GitHub's. `client.now()` follows the `Date`
 * header of GitHub's last answer, so a runner whose clock is off (or the emulator's movable clock)
 * cannot make a limit look fresh or expired when GitHub thinks otherwise.
 */
export function resolveClock(client: Pick<GitHubClient, 'now'>, now?: Clock): Clock {
  return now ?? (() => client.now());
}

/** Milliseconds since the epoch of an ISO-8601 timestamp, or NaN. */
export function timestampMs(iso: string | undefined): number {
  return iso ? Date.parse(iso) : NaN;
}

/** `2 days 6 hours`, `45 minutes`, `30 seconds`: for messages only. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const units: [string, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [name, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
      rest -= count * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}
