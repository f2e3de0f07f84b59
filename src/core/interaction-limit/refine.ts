import type { ChangeCommon, KindTypes } from '../kind';
import type {
  InteractionLimitChange,
  InteractionLimitReason,
  LimitOperation,
  LimitScope,
} from './types';

type AnyChange = ChangeCommon<KindTypes>;
type ShadowedReason = Extract<InteractionLimitReason, { type: 'shadowed' }>;

function isLimitChange(change: AnyChange): change is InteractionLimitChange {
  return change.kind === 'InteractionLimit';
}

const ownerScopeId = (scope: LimitScope): string | undefined =>
  scope.type === 'organization'
    ? `org/${scope.org}`.toLowerCase()
    : scope.type === 'user' && scope.login
      ? `user/${scope.login}`.toLowerCase()
      : undefined;

const writesLimit = (change: InteractionLimitChange) =>
  change.operations.some((operation: LimitOperation) => operation.type === 'set_limit');

/**
 * Plan-wide rules of organization and user limits, which overwrite the limits of their
 * repositories (GitHub: "setting an interaction limit at the organization level overwrites any
 * interaction limits set for individual repositories owned by the organization"):
 *
 * - A repository under its owner's limit that the same plan removes has no limit of its own left
 *   (it was overwritten): it is planned as `create`, written after the owner's removal (apply runs
 *   organization and user limits first), so one apply converges.
 * - Setting an owner's limit where none is in force clears its repositories' limits: the owner's
 *   change warns so, and so does each repository limit of that owner declared in the same plan.
 */
export function refineOwnerLimits(changes: readonly AnyChange[]): AnyChange[] {
  const limitChanges = changes.filter(isLimitChange);
  const removedOwners = new Set(
    limitChanges
      .filter((c) => c.action === 'delete')
      .map((c) => ownerScopeId(c.target.scope))
      .filter((id): id is string => id !== undefined),
  );
  const newOwners = new Map(
    limitChanges
      .filter((c) => c.before === null && writesLimit(c))
      .map((c) => [ownerScopeId(c.target.scope), c] as const)
      .filter((entry): entry is [string, InteractionLimitChange] => entry[0] !== undefined),
  );
  const declaredRepositories = (ownerLogin: string) =>
    limitChanges.filter(
      (c) =>
        c.target.scope.type === 'repository' &&
        c.desired.ensure === 'present' &&
        c.target.scope.owner.toLowerCase() === ownerLogin.toLowerCase(),
    );

  return changes.map((change) => {
    if (!isLimitChange(change)) return change;
    const scope = change.target.scope;
    if (scope.type === 'repository') {
      const shadowed = change.reasons.find((r): r is ShadowedReason => r.type === 'shadowed');
      if (
        change.action === 'blocked' &&
        shadowed &&
        change.after &&
        removedOwners.has(shadowed.owner.toLowerCase())
      ) {
        return reappearsAsMissing(change, shadowed);
      }
      const owner = [`org/${scope.owner}`, `user/${scope.owner}`]
        .map((id) => newOwners.get(id.toLowerCase()))
        .find((c) => c !== undefined);
      if (owner && change.desired.ensure === 'present') {
        return withWarning(
          change,
          `This plan sets the limit of ${owner.id} first, which overwrites the limit of ${change.id}; GitHub then refuses to set it (409) while ${owner.id}'s limit is in force.`,
        );
      }
      return change;
    }
    if (change.before === null && writesLimit(change)) {
      const login = scope.type === 'organization' ? scope.org : (scope.login ?? '');
      const declared = declaredRepositories(login).map((c) => c.id);
      return withWarning(
        change,
        `Setting the limit of ${change.id} overwrites the limits of its public repositories: they are cleared, and have no limit of their own once ${change.id}'s ends.` +
          (declared.length > 0
            ? ` Declared in this plan and overwritten: ${declared.join(', ')}.`
            : ''),
      );
    }
    return change;
  });
}

function reappearsAsMissing(
  change: InteractionLimitChange,
  shadowed: ShadowedReason,
): InteractionLimitChange {
  const after = change.after!;
  const { remedy: _remedy, ...rest } = change;
  return {
    ...rest,
    action: 'create',
    reasons: [
      {
        type: 'missing',
        message: `${change.id} has no limit of its own: the limit of ${shadowed.owner} overwrote it, and this plan removes that limit; ${change.id} is set after it.`,
      },
    ],
    operations: [{ type: 'set_limit', limit: after.limit, expiry: after.expiry }],
  };
}

function withWarning(change: InteractionLimitChange, warning: string): InteractionLimitChange {
  return { ...change, warnings: [...change.warnings, warning] };
}
