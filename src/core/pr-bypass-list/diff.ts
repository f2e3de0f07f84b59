import { fingerprint } from '../hash';
import type { DiffArgs } from '../kind';
import type { Action } from '../plan';
import { orderChange } from '../plan';
import { loginKey } from '../names';
import { prBypassListId, prBypassListTargetOf } from './identity';
import { batchLogins, diffLoginSets } from './sets';
import type {
  BypassListOperation,
  ObservedBypassList,
  PrBypassListChange,
  PrBypassListReason,
  PrBypassListTypes,
} from './types';

export type PrBypassListDiffInput = Pick<DiffArgs<PrBypassListTypes>, 'desired' | 'observed'>;

/** Order and letter case of logins do not matter. */
export function prBypassListCanonical(observed: ObservedBypassList): unknown {
  return observed.users.map(loginKey).sort();
}

/**
 * The declared set against GitHub's, case-insensitively: logins to remove (not declared) and to
 * add (declared, missing), as batches of at most 100, removals first. Declared absent means an
 * empty list.
 */
export function diffPrBypassList(input: PrBypassListDiffInput): PrBypassListChange {
  const { desired, observed } = input;
  const target = desired.ensure === 'present' ? prBypassListTargetOf(desired.spec) : desired.target;
  const repository = target.repository;
  const id = prBypassListId(target);
  const declared = desired.ensure === 'present' ? desired.spec.users : [];
  const { toAdd, toRemove } = diffLoginSets(declared, observed.users);

  const operations: BypassListOperation[] = [
    ...batchLogins(toRemove).map((users) => ({ type: 'remove_users' as const, users })),
    ...batchLogins(toAdd).map((users) => ({ type: 'add_users' as const, users })),
  ];
  const reasons: PrBypassListReason[] = [];
  let action: Action = 'none';
  if (desired.ensure === 'absent') {
    if (toRemove.length > 0) {
      action = 'delete';
      reasons.push({
        type: 'declared_absent',
        message: `The bypass list of ${id} holds ${toRemove.length} user${toRemove.length === 1 ? '' : 's'} (${toRemove.join(', ')}) and is declared absent (empty).`,
      });
    }
  } else {
    if (toRemove.length > 0) {
      reasons.push({
        type: 'added_out_of_band',
        message: `On the bypass list of ${id} but not declared: ${toRemove.join(', ')}.`,
        logins: toRemove,
      });
    }
    if (toAdd.length > 0 && observed.users.length === 0) {
      // An empty list was never set, or was emptied: nothing to tell them apart, and "removed
      // out of band" would claim more than is known.
      reasons.push({
        type: 'missing',
        message: `The bypass list of ${id} is empty; declared: ${toAdd.join(', ')}.`,
      });
    } else if (toAdd.length > 0) {
      reasons.push({
        type: 'removed_out_of_band',
        message: `Declared but not on the bypass list of ${id}: ${toAdd.join(', ')}.`,
        logins: toAdd,
      });
    }
    if (reasons.length > 0) action = observed.users.length === 0 ? 'create' : 'update';
  }

  return orderChange({
    kind: 'PrBypassList',
    id,
    target: { kind: 'PrBypassList', repository },
    desired,
    action,
    reasons,
    notes: [],
    fingerprint: fingerprint('PrBypassList', prBypassListCanonical(observed)),
    ...(desired.source !== undefined ? { source: desired.source } : {}),
    before: observed,
    after: { users: declared },
    operations,
  });
}
