import type { ChangeCommon, KindTypes } from '../kind';
import type { InteractionLimitChange, InteractionLimitReason } from './types';

type AnyChange = ChangeCommon<KindTypes>;

function isLimitChange(change: AnyChange): change is InteractionLimitChange {
  return change.kind === 'InteractionLimit';
}

/**
 * A repository blocked by its owner's limit is unblocked by a removal of that limit planned in the
 * same plan; its remedy says so, so the user knows a second apply finishes the job.
 */
export function linkBlockedToPlannedRemovals(changes: readonly AnyChange[]): AnyChange[] {
  const removals = new Set(
    changes.filter((c) => isLimitChange(c) && c.action === 'delete').map((c) => c.id.toLowerCase()),
  );
  if (removals.size === 0) return [...changes];
  return changes.map((change) => {
    if (change.action !== 'blocked' || !isLimitChange(change)) return change;
    const shadowed = change.reasons.find(
      (r): r is Extract<InteractionLimitReason, { type: 'shadowed' }> => r.type === 'shadowed',
    );
    if (!shadowed || !removals.has(shadowed.owner.toLowerCase())) return change;
    return {
      ...change,
      remedy:
        `${change.remedy ?? ''} This plan removes the limit of ${shadowed.owner}: apply, then plan and apply again to set ${change.id}.`.trim(),
    };
  });
}
