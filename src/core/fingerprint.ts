import { createHash } from 'node:crypto';
import { loginKey } from './names';
import type { ObservedState } from './plan';

/**
 * A hash of observed state, stable across reads that mean the same thing: bypass-list order and
 * letter case do not count. A saved plan keeps it per change; isPlanStale re-reads and compares.
 */
export function fingerprintObserved(state: ObservedState): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(state)))
    .digest('hex');
}

function canonical(state: ObservedState): unknown {
  switch (state.kind) {
    case 'InteractionLimit':
      return [
        state.kind,
        state.limit && [state.limit.limit, state.limit.origin, state.limit.expiresAt],
      ];
    case 'PrBypassList':
      return [state.kind, state.list.users.map(loginKey).sort()];
    case 'PrCreationCap':
      return [
        state.kind,
        state.cap.available ? [true, state.cap.enabled, state.cap.maxOpenPullRequests] : [false],
      ];
  }
}
