import type { GitHubClient } from '../github';
import { DeadlineExceededError, GitHubUnavailableError, getAuthenticatedLogin } from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { DEFAULT_PLAN_CONCURRENCY } from './defaults';
import { diffResource } from './diff';
import type { ValidationIssue } from './errors';
import { DuplicateResourceError, ObservationError, SpecValidationError, issue } from './errors';
import { labelIssues, resourceId, resourceKey, targetOfDesired } from './ids';
import type { ObservationFallback, PrefetchedObservations, observeTarget } from './observe';
import { observeTargets } from './observe';
import type { Plan } from './plan';
import { PLAN_FORMAT_VERSION, summarize } from './plan';
import { RESOURCE_KINDS, anyKindContract } from './registry';
import type { Change, DesiredResource, ResourceKind, ResourceTarget } from './types';
import type { UnreadablePolicy, UnreadableResource } from './unreadable';
import { DEFAULT_UNREADABLE_POLICY, dependentsOfUnreadable, errorData } from './unreadable';
import { validateDesired } from './validate';

export interface PlanOptions {
  /** Resources read at once. @default DEFAULT_PLAN_CONCURRENCY (4) */
  readonly concurrency?: number;
  /** The clock expiry is judged by. @default GitHub's clock (`client.now()`, from the `Date` header) */
  readonly now?: Clock;
  /**
   * Read interaction limits in batches through GitHub's GraphQL API (100 a request) instead of
   * one REST request each. GraphQL costs points on every plan, where REST reads answered 304
   * cost nothing: turn it off (`GH_INTERACTIONS_GRAPHQL=off` in the CLI) when warm plans of a
   * few resources matter more than cold plans of many. Falls back to REST per resource.
   * @default true
   */
  readonly graphql?: boolean;
  /** Observations already made (the policy expansion's listing), by `resourceKey(kind, id)`. */
  readonly prefetched?: PrefetchedObservations;
  /** Resources the batch read already could not answer for, with why (read through REST). */
  readonly unanswered?: ReadonlyMap<string, string>;
  /** Told of each resource read through REST because the batch read could not answer. */
  readonly onObservationFallback?: (fallback: ObservationFallback) => void;
  /**
   * When some resources cannot be read: `refuse` throws ObservationError listing all of them
   * (nothing is planned); `skip` plans the readable ones and lists the others, with why, in
   * `plan.unreadable`, together with the readable resources that depend on an unreadable one
   * (a repository limit whose owner's declared limit could not be read).
   * @default DEFAULT_UNREADABLE_POLICY ('refuse')
   */
  readonly unreadable?: UnreadablePolicy;
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

  const resolved = await resolveDesiredResources(client, desired);
  const targets = resolved.map(targetOfDesired);
  const ids = targets.map(resourceId);
  rejectDuplicates(resolved, targets, ids);

  const observed = await observeTargets(client, targets, {
    concurrency,
    graphql: options.graphql,
    prefetched: options.prefetched,
    unanswered: options.unanswered,
    onFallback: options.onObservationFallback,
  });
  const failures = observed.flatMap((result, index) =>
    result.status === 'rejected'
      ? [{ index, kind: targets[index].kind, id: ids[index], error: asError(result.reason) }]
      : [],
  );
  // GitHub unreachable (the client's circuit opened) or the run's deadline passed: one cause for
  // every resource not read, said once rather than once a resource.
  const shared = failures.find(
    (f) => f.error instanceof GitHubUnavailableError || f.error instanceof DeadlineExceededError,
  );
  if (shared) throw shared.error;
  const policy = options.unreadable ?? DEFAULT_UNREADABLE_POLICY;
  if (policy !== 'refuse' && policy !== 'skip') {
    throw new SpecValidationError(
      [issue('unreadable', policy, 'refuse or skip')],
      'planResources options',
    );
  }
  if (failures.length > 0 && policy === 'refuse') {
    throw new ObservationError(
      failures.map(({ kind, id, error }) => ({ kind, id, error })),
      targets.length,
    );
  }
  const unreadableIndexes = new Set(failures.map((f) => f.index));
  const dependents = dependentsOfUnreadable(targets, ids, unreadableIndexes);
  const sourceOf = (index: number) =>
    resolved[index].source !== undefined ? { source: resolved[index].source } : {};
  const unreadable: UnreadableResource[] = targets.flatMap(
    (target, index): UnreadableResource[] => {
      const failure = failures.find((f) => f.index === index);
      if (failure) {
        const error = errorData(failure.error);
        return [
          { kind: target.kind, id: ids[index], ...sourceOf(index), reason: error.message, error },
        ];
      }
      const on = dependents.get(index);
      if (on === undefined) return [];
      return [
        {
          kind: target.kind,
          id: ids[index],
          ...sourceOf(index),
          reason: `not planned: it depends on ${on}, which could not be read (what happens to ${on} decides whether GitHub accepts a write here)`,
          dependsOn: on,
        },
      ];
    },
  );
  const skipped = new Set([...unreadableIndexes, ...dependents.keys()]);

  // Read after the observations: client.now() has GitHub's Date header by then.
  const now = clock();
  const changes = resolved.flatMap((resource, index) => {
    if (skipped.has(index)) return [];
    const result = observed[index] as PromiseFulfilledResult<
      Awaited<ReturnType<typeof observeTarget>>
    >;
    return [diffResource({ desired: resource, observed: result.value, now })];
  });
  const linked = refinePlan(changes);
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: now.toISOString(),
    changes: linked,
    summary: summarize(linked),
    ...(unreadable.length > 0 ? { unreadable } : {}),
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
 * Fills in what only the token can tell (the user scope's login) through each kind's
 * `resolveDesired`; one read of the token's login serves every resource that needs it.
 */
export async function resolveDesiredResources(
  client: GitHubClient,
  desired: readonly DesiredResource[],
): Promise<DesiredResource[]> {
  let login: Promise<string> | undefined;
  const tokenLogin = () => (login ??= getAuthenticatedLogin(client));
  const resolved: DesiredResource[] = [];
  for (const resource of desired) {
    const contract = anyKindContract(targetOfDesired(resource).kind);
    resolved.push(
      contract.resolveDesired
        ? ((await contract.resolveDesired(resource, tokenLogin)) as DesiredResource)
        : resource,
    );
  }
  return resolved;
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

/** Each kind may adjust its changes in view of the whole plan (`refineChanges`). */
export function refinePlan(changes: readonly Change[]): Change[] {
  return RESOURCE_KINDS.reduce<Change[]>(
    (all, kind) => {
      const contract = anyKindContract(kind);
      return contract.refineChanges ? (contract.refineChanges(all) as Change[]) : all;
    },
    [...changes],
  );
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
