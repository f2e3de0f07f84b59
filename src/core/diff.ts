import type { PreviousApplied } from './kind';
import type { ObservedState } from './plan';
import { anyKindContract } from './registry';
import type { Change, DesiredResource } from './types';

export interface DiffInput {
  /** User scope: the login must be resolved. */
  readonly desired: DesiredResource;
  readonly observed: ObservedState;
  readonly now: Date;
  readonly previous?: PreviousApplied;
}

/** One desired resource against its observed state: one change. Pure. */
export function diffResource(input: DiffInput): Change {
  const { desired, observed, now, previous } = input;
  const kind = desired.ensure === 'present' ? desired.spec.kind : desired.target.kind;
  if (kind !== observed.kind) {
    throw new Error(`Cannot diff a ${kind} against observed ${observed.kind} state.`);
  }
  return anyKindContract(kind).diff({
    desired,
    observed: observed.observed,
    now,
    ...(previous ? { previous } : {}),
  });
}

/** The observed state a change was computed from, tagged by kind. */
export function observedStateOf(change: Change): ObservedState {
  return { kind: change.kind, observed: change.before } as ObservedState;
}
