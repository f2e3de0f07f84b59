import { createHash } from 'node:crypto';

/** sha256 of a canonical JSON value: how changes fingerprint what they observed. */
export function hashCanonical(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * A change's fingerprint of what it observed: stable across reads that mean the same thing (each
 * kind's `canonicalObserved`). A saved plan keeps it; isPlanStale re-reads and compares.
 */
export function fingerprint(kind: string, canonical: unknown): string {
  return hashCanonical([kind, canonical]);
}
