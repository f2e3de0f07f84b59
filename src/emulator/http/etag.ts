import { createHash } from 'node:crypto';

/**
 * Conditional requests (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate):
 * GitHub's ETags are weak and vary with the credentials (`Vary: Authorization`), so the hash
 * covers the body and who asked. A matching `If-None-Match` gets `304 Not Modified`, which does
 * not count against the rate limit.
 */
export function computeEtag(payload: string, identity: string): string {
  return `W/"${createHash('sha256').update(identity).update('\n').update(payload).digest('hex')}"`;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** Weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag equal ignoring `W/`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === wanted);
}
