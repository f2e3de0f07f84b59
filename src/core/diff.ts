import { diffInteractionLimit } from './interaction-limit/diff';
import type { Change, ObservedState } from './plan';
import { diffPrBypassList } from './pr-bypass-list/diff';
import { diffPrCreationCap } from './pr-creation-cap/diff';
import type { DesiredOf, DesiredResource, PreviousApplied } from './types';

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
  switch (observed.kind) {
    case 'InteractionLimit':
      return diffInteractionLimit({
        desired: desired as DesiredOf<'InteractionLimit'>,
        observed: observed.limit,
        now,
        ...(previous ? { previous } : {}),
      });
    case 'PrBypassList':
      return diffPrBypassList({
        desired: desired as DesiredOf<'PrBypassList'>,
        observed: observed.list,
      });
    case 'PrCreationCap':
      return diffPrCreationCap({
        desired: desired as DesiredOf<'PrCreationCap'>,
        observed: observed.cap,
      });
  }
}

/** The observed state a change was computed from, tagged by kind. */
export function observedStateOf(change: Change): ObservedState {
  switch (change.kind) {
    case 'InteractionLimit':
      return { kind: change.kind, limit: change.before };
    case 'PrBypassList':
      return { kind: change.kind, list: change.before };
    case 'PrCreationCap':
      return { kind: change.kind, cap: change.before };
  }
}
