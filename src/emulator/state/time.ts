/** Seconds precision, UTC, `Z` suffix: the format of GitHub's `expires_at`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
