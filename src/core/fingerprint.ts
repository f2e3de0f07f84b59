import { fingerprint } from './hash';
import type { ObservedState } from './plan';
import { anyKindContract } from './registry';

/**
 * A hash of observed state, stable across reads that mean the same thing: bypass-list order and
 * letter case do not count. A saved plan keeps it per change; isPlanStale re-reads and compares.
 */
export function fingerprintObserved(state: ObservedState): string {
  return fingerprint(state.kind, anyKindContract(state.kind).canonicalObserved(state.observed));
}
