import type { GitHubClient } from '../github';
import { getAuthenticatedLogin } from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { settleWithConcurrency } from './concurrency';
import { DEFAULT_PLAN_CONCURRENCY } from './defaults';
import { diffResource } from './diff';
import type { ValidationIssue } from './errors';
import {
  DuplicateResourceError,
  ObservationError,
  SpecValidationError,
  UserScopeMismatchError,
  issue,
} from './errors';
import { labelIssues, resourceId, resourceKey, targetOfDesired } from './ids';
import { loginKey } from './names';
import { observeTarget } from './observe';
import type { Change, Plan } from './plan';
import { PLAN_FORMAT_VERSION, summarize } from './plan';
import type { DesiredResource, LimitScope, ResourceKind, ResourceTarget } from './types';
import { validateDesired } from './validate';

export interface PlanOptions {
  /** Resources read at once. @default DEFAULT_PLAN_CONCURRENCY (4) */
  readonly concurrency?: number;
  /** The clock expiry is judged by. @default GitHub's clock (`client.now()`, from the `Date` header) */
  readonly now?: Clock;
}

/**
 * Observes every declared resource and diffs it: the plan, as data, before anything is written.
 *
 * Throws (nothing has been written then): SpecValidationError for invalid resources (all of them
 * listed), UserScopeMismatchError when a declared user is not the token's, DuplicateResourceError
 * for a resource declared twice, ObservationError listing every resource GitHub could not be read
 * for.
 */
export async function planResources(
  client: GitHubClient,
  desired: readonly DesiredResource[],
  options: PlanOptions = {},
): Promise<Plan> {
  const concurrency = options.concurrency ?? DEFAULT_PLAN_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new SpecValidationError(
      [issue('concurrency', concurrency, 'an integer >= 1')],
      'planResources options',
    );
  }
  const clock = resolveClock(client, options.now);

  const issues: ValidationIssue[] = desired.flatMap((resource, index) =>
    labelIssues(validateDesired(resource), describeDesired(resource, index)),
  );
  if (issues.length > 0) throw new SpecValidationError(issues);

  const resolved = await resolveUserScopes(client, desired);
  const targets = resolved.map(targetOfDesired);
  const ids = targets.map(resourceId);
  rejectDuplicates(resolved, targets, ids);

  const observed = await settleWithConcurrency(targets, concurrency, (target) =>
    observeTarget(client, target),
  );
  const failures = observed.flatMap((result, index) =>
    result.status === 'rejected'
      ? [{ kind: targets[index].kind, id: ids[index], error: asError(result.reason) }]
      : [],
  );
  if (failures.length > 0) throw new ObservationError(failures);

  // Read after the observations: client.now() has GitHub's Date header by then.
  const now = clock();
  const changes = resolved.map((resource, index) => {
    const result = observed[index] as PromiseFulfilledResult<
      Awaited<ReturnType<typeof observeTarget>>
    >;
    return diffResource({ desired: resource, observed: result.value, now });
  });
  const linked = linkBlockedToPlannedRemovals(changes);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: now.toISOString(),
    changes: linked,
    summary: summarize(linked),
  };
}

/** Plans one resource (what a Pulumi or Terraform resource does on preview/plan). */
export async function planResource(
  client: GitHubClient,
  desired: DesiredResource,
  options: PlanOptions = {},
): Promise<Change> {
  const plan = await planResources(client, [desired], options);
  return plan.changes[0];
}

/**
 * The user scope is the token's user. One read of the token's login serves every such resource;
 * a declared login must be that user (compared ignoring case), and the id uses GitHub's spelling.
 */
async function resolveUserScopes(
  client: GitHubClient,
  desired: readonly DesiredResource[],
): Promise<DesiredResource[]> {
  const isUserScoped = (resource: DesiredResource) => {
    const target = targetOfDesired(resource);
    return target.kind === 'InteractionLimit' && target.scope.type === 'user';
  };
  if (!desired.some(isUserScoped)) return [...desired];
  const tokenLogin = await getAuthenticatedLogin(client);
  return desired.map((resource) => {
    if (!isUserScoped(resource)) return resource;
    const scope = (targetOfDesired(resource) as { scope: LimitScope }).scope as Extract<
      LimitScope,
      { type: 'user' }
    >;
    if (scope.login !== undefined && loginKey(scope.login) !== loginKey(tokenLogin)) {
      throw new UserScopeMismatchError(scope.login, tokenLogin);
    }
    const userScope: LimitScope = { type: 'user', login: tokenLogin };
    if (resource.ensure === 'present' && resource.spec.kind === 'InteractionLimit') {
      return { ...resource, spec: { ...resource.spec, scope: userScope } };
    }
    return { ...resource, target: { kind: 'InteractionLimit', scope: userScope } };
  });
}

function rejectDuplicates(
  desired: readonly DesiredResource[],
  targets: readonly ResourceTarget[],
  ids: readonly string[],
): void {
  const seen = new Map<string, { kind: ResourceKind; id: string; sources: string[] }>();
  targets.forEach((target, index) => {
    const key = resourceKey(target.kind, ids[index]);
    const label = desired[index].source ?? `resource #${index + 1}`;
    const entry = seen.get(key);
    if (entry) entry.sources.push(label);
    else seen.set(key, { kind: target.kind, id: ids[index], sources: [label] });
  });
  const duplicates = [...seen.values()].filter((entry) => entry.sources.length > 1);
  if (duplicates.length > 0) throw new DuplicateResourceError(duplicates);
}

/**
 * A repository blocked by its owner's limit is unblocked by a removal of that limit planned in the
 * same plan; its remedy says so, so the user knows a second apply finishes the job.
 */
function linkBlockedToPlannedRemovals(changes: readonly Change[]): Change[] {
  const removals = new Set(
    changes
      .filter((c) => c.kind === 'InteractionLimit' && c.action === 'delete')
      .map((c) => c.id.toLowerCase()),
  );
  if (removals.size === 0) return [...changes];
  return changes.map((change) => {
    if (change.action !== 'blocked' || change.kind !== 'InteractionLimit') return change;
    const shadowed = change.reasons.find((r) => r.type === 'shadowed');
    if (!shadowed || !removals.has(shadowed.owner.toLowerCase())) return change;
    return {
      ...change,
      remedy:
        `${change.remedy ?? ''} This plan removes the limit of ${shadowed.owner}: apply, then plan and apply again to set ${change.id}.`.trim(),
    };
  });
}

function describeDesired(desired: DesiredResource, index: number): string {
  const kind =
    (desired?.ensure === 'present'
      ? desired.spec?.kind
      : (desired as { target?: ResourceTarget })?.target?.kind) ?? 'resource';
  let id: string;
  try {
    id = resourceId(targetOfDesired(desired));
  } catch {
    id = `#${index + 1}`;
  }
  return `${kind} ${id}${desired?.source ? ` (${desired.source})` : ''}`;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
