import type { Expiry, ObservedInteractionLimit } from '../../github';
import { expiresAtFor } from '../../github/facts';
import { formatDuration, timestampMs } from '../clock';
import { fingerprint } from '../hash';
import type { DiffArgs } from '../kind';
import type { Action, ShadowedReason } from '../plan';
import { orderChange } from '../plan';
import { interactionLimitId, interactionLimitTargetOf } from './identity';
import type {
  DesiredLimitState,
  InteractionLimitChange,
  InteractionLimitReason,
  InteractionLimitTypes,
  LimitOperation,
  LimitScope,
} from './types';

export type InteractionLimitDiffInput = DiffArgs<InteractionLimitTypes>;

/** Observed state reduced to what a fingerprint compares. */
export function interactionLimitCanonical(observed: ObservedInteractionLimit | null): unknown {
  return observed && [observed.limit, observed.origin, observed.expiresAt];
}

/** The `origin` GitHub reports for a limit set on the scope itself. */
const OWN_ORIGIN: Record<LimitScope['type'], string> = {
  organization: 'organization',
  repository: 'repository',
  user: 'user',
};

/**
 * Desired vs observed for one interaction limit. Pure: the same input gives the same change.
 * The rules are listed in docs/core.md ("InteractionLimit").
 */
export function diffInteractionLimit(input: InteractionLimitDiffInput): InteractionLimitChange {
  const { desired, observed, now } = input;
  const target =
    desired.ensure === 'present' ? interactionLimitTargetOf(desired.spec) : desired.target;
  const scope = target.scope;
  const id = interactionLimitId(target);
  const nowMs = now.getTime();
  const expiresAtMs = timestampMs(observed?.expiresAt);
  // GitHub forgets a limit once it expires; an answer that still shows an expired one (a cached
  // body, a skewed clock) means the same: nothing is in force.
  const inForce = observed !== null && !(expiresAtMs <= nowMs);
  const shadowedBy =
    inForce && scope.type === 'repository' && observed.origin !== OWN_ORIGIN.repository
      ? shadowedReason(id, scope, observed)
      : undefined;

  const base = {
    kind: 'InteractionLimit' as const,
    id,
    target: { kind: 'InteractionLimit' as const, scope },
    desired,
    before: observed,
    fingerprint: fingerprint('InteractionLimit', interactionLimitCanonical(observed)),
    ...(desired.source !== undefined ? { source: desired.source } : {}),
  };
  const change = (
    action: Action,
    after: DesiredLimitState | null,
    reasons: InteractionLimitReason[],
    operations: LimitOperation[],
    notes: string[] = [],
    remedy?: string,
    warnings: string[] = [],
  ): InteractionLimitChange =>
    orderChange({
      ...base,
      action,
      reasons,
      notes,
      warnings,
      ...(remedy !== undefined ? { remedy } : {}),
      after,
      operations,
    });

  if (desired.ensure === 'absent') {
    if (!inForce) {
      return change(
        'none',
        null,
        [],
        [],
        observed ? [`The limit expired at ${observed.expiresAt}.`] : [],
      );
    }
    if (shadowedBy) {
      // Absence is the goal, and there is no repository limit to remove: the owner's overwrote it.
      return change(
        'none',
        null,
        [],
        [],
        [
          `No repository limit to remove: the limit in force comes from ${shadowedBy.owner} (${observed.limit}, expires at ${observed.expiresAt}).`,
        ],
      );
    }
    return change(
      'delete',
      null,
      [
        {
          type: 'declared_absent',
          message: `${id} has the limit ${observed.limit} (expires at ${observed.expiresAt}) and is declared absent.`,
        },
      ],
      [{ type: 'remove_limit' }],
    );
  }

  const { spec } = desired;
  const previous = input.previous ?? desired.previous;
  const after: DesiredLimitState = { limit: spec.limit, expiry: spec.expiry };
  const write: LimitOperation[] = [{ type: 'set_limit', limit: spec.limit, expiry: spec.expiry }];
  const { enabled: renewalEnabled, windowSeconds, until } = spec.renewal;
  const untilMs = timestampMs(until);

  if (untilMs <= nowMs) {
    return change(
      'none',
      after,
      [],
      [],
      [
        `The declaration of ${id} ended at ${until} (until): nothing is written, and ${inForce ? `the limit in force (until ${observed.expiresAt}) is left to lapse` : 'no limit is set again'}.`,
      ],
    );
  }

  if (shadowedBy) {
    return change(
      'blocked',
      after,
      [shadowedBy],
      [],
      [],
      shadowedRemedy(id, spec.limit, shadowedBy),
    );
  }

  if (!inForce) {
    const previousExpiresAtMs = timestampMs(previous?.expiresAt);
    const expiredAt =
      observed !== null
        ? observed.expiresAt
        : previousExpiresAtMs <= nowMs
          ? previous?.expiresAt
          : undefined;
    // With `until` still ahead, a missing limit is wanted whatever renewal says: the user said
    // until when. Without it, a lapsed one-off limit (known only from `previous`) stays lapsed.
    if (expiredAt !== undefined && !renewalEnabled && until === undefined) {
      return change(
        'none',
        after,
        [],
        [],
        [`The limit expired at ${expiredAt}; renewal is off for ${id}, so it is left to lapse.`],
      );
    }
    const reason: InteractionLimitReason = {
      type: 'missing',
      message:
        expiredAt !== undefined
          ? `No limit is in force on ${id}: it expired at ${expiredAt}.`
          : `No limit is in force on ${id} (expired or removed).`,
      ...(expiredAt !== undefined ? { expiredAt } : {}),
    };
    return change(expiredAt !== undefined ? 'renew' : 'create', after, [reason], write);
  }

  const reasons: InteractionLimitReason[] = [];
  const notes: string[] = [];
  if (observed.limit !== spec.limit) {
    reasons.push({
      type: 'changed',
      message: `The limit is ${observed.limit} on GitHub; declared ${spec.limit}.`,
      field: 'limit',
      before: observed.limit,
      after: spec.limit,
    });
  }
  if (previous?.expiry !== undefined && previous.expiry !== spec.expiry) {
    reasons.push({
      type: 'changed',
      message: `The expiry was ${previous.expiry} when last applied; declared ${spec.expiry}.`,
      field: 'expiry',
      before: previous.expiry,
      after: spec.expiry,
    });
  }
  const changed = reasons.length > 0;
  const secondsLeft = Math.floor((expiresAtMs - nowMs) / 1000);
  // Inside the window means at most `windowSeconds` left: the boundary itself renews.
  if (Number.isFinite(secondsLeft) && secondsLeft <= windowSeconds) {
    if (renewalEnabled && expiresAtMs >= untilMs) {
      notes.push(
        `The limit expires at ${observed.expiresAt}, after the declaration ends (until ${until}): it is not renewed.`,
      );
    } else if (renewalEnabled) {
      reasons.push({
        type: 'expiring',
        message: `The limit expires at ${observed.expiresAt} (in ${formatDuration(secondsLeft)}), inside the renewal window of ${formatDuration(windowSeconds)}.`,
        expiresAt: observed.expiresAt,
        windowSeconds,
        secondsLeft,
      });
    } else {
      notes.push(
        `The limit expires at ${observed.expiresAt}; renewal is off for ${id}, so it will lapse.`,
      );
    }
  }
  if (reasons.length === 0) return change('none', after, [], [], notes);
  const warnings = shorteningWarning(id, observed, spec.expiry, now);
  return change(changed ? 'update' : 'renew', after, reasons, write, notes, undefined, warnings);
}

function ownerScopeId(origin: string, owner: string): string {
  if (origin === 'organization') return `org/${owner}`;
  if (origin === 'user') return `user/${owner}`;
  return `${origin}/${owner}`;
}

function shadowedReason(
  id: string,
  scope: Extract<LimitScope, { type: 'repository' }>,
  observed: ObservedInteractionLimit,
): ShadowedReason {
  const owner = ownerScopeId(observed.origin, scope.owner);
  return {
    type: 'shadowed',
    message: `${id} is under the limit of ${owner} (${observed.limit}, expires at ${observed.expiresAt}), which overrides repository limits.`,
    owner,
    origin: observed.origin,
    limit: observed.limit,
    expiresAt: observed.expiresAt,
  };
}

function shadowedRemedy(id: string, declared: string, reason: ShadowedReason): string {
  return (
    `GitHub refuses to set a repository limit while ${reason.owner}'s limit is in force (409 Conflict), so ${id} is not written. ` +
    `To apply ${declared} on ${id}: remove or change the limit of ${reason.owner}, or wait until it expires at ${reason.expiresAt}, then apply again; ` +
    `or declare the limit on ${reason.owner} instead of on each repository.`
  );
}

/**
 * GitHub recomputes `expires_at` from now on every PUT, so re-writing a limit with a shorter expiry
 * than the one in force brings its end forward (re-arming a six_months limit as one_day).
 */
function shorteningWarning(
  id: string,
  observed: ObservedInteractionLimit,
  expiry: Expiry,
  now: Date,
): string[] {
  const newEnd = expiresAtFor(expiry, now);
  if (!(newEnd.getTime() < timestampMs(observed.expiresAt))) return [];
  const shown = newEnd.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `Writing ${id} shortens the limit in force: it expires at ${observed.expiresAt} now, and at ${shown} after this write (expiry ${expiry}; GitHub recomputes expires_at from now on every write).`,
  ];
}
