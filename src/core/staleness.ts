import type { GitHubClient } from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { DEFAULT_PLAN_CONCURRENCY } from './defaults';
import { diffResource } from './diff';
import { ObservationError } from './errors';
import { fingerprintObserved } from './fingerprint';
import type { ObservationFallback, observeTarget } from './observe';
import { observeTargets } from './observe';
import type { Action, Plan } from './plan';
import type { ResourceKind } from './types';

export interface StaleChange {
  readonly kind: ResourceKind;
  readonly id: string;
  /**
   * `observed_changed`: GitHub's state differs from what the plan saw.
   * `action_changed`: same state, but time moved the decision (e.g. now inside the renewal window).
   */
  readonly why: 'observed_changed' | 'action_changed';
  readonly plannedFingerprint: string;
  readonly currentFingerprint: string;
  readonly plannedAction: Action;
  readonly currentAction: Action;
}

export interface StalenessReport {
  readonly stale: boolean;
  readonly changes: readonly StaleChange[];
}

export interface StalenessOptions {
  /** @default DEFAULT_PLAN_CONCURRENCY */
  readonly concurrency?: number;
  /** @default GitHub's clock */
  readonly now?: Clock;
  /** Batch reads through GraphQL, as `planResources`. @default true */
  readonly graphql?: boolean;
  readonly onObservationFallback?: (fallback: ObservationFallback) => void;
}

/**
 * Re-reads every resource of a saved plan and says which ones no longer match it. Apply a stale
 * plan's writes and they may undo someone's change or miss one: plan again instead.
 */
export async function checkPlanStaleness(
  client: GitHubClient,
  plan: Plan,
  options: StalenessOptions = {},
): Promise<StalenessReport> {
  const clock = resolveClock(client, options.now);
  const settled = await observeTargets(
    client,
    plan.changes.map((change) => change.target),
    {
      concurrency: options.concurrency ?? DEFAULT_PLAN_CONCURRENCY,
      graphql: options.graphql,
      onFallback: options.onObservationFallback,
    },
  );
  const failures = settled.flatMap((outcome, index) =>
    outcome.status === 'rejected'
      ? [
          {
            kind: plan.changes[index].kind,
            id: plan.changes[index].id,
            error:
              outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason)),
          },
        ]
      : [],
  );
  if (failures.length > 0) throw new ObservationError(failures);

  const now = clock();
  const stale: StaleChange[] = [];
  plan.changes.forEach((change, index) => {
    const observed = (
      settled[index] as PromiseFulfilledResult<Awaited<ReturnType<typeof observeTarget>>>
    ).value;
    const currentFingerprint = fingerprintObserved(observed);
    const current = diffResource({ desired: change.desired, observed, now });
    const why =
      currentFingerprint !== change.fingerprint
        ? 'observed_changed'
        : current.action !== change.action
          ? 'action_changed'
          : undefined;
    if (why) {
      stale.push({
        kind: change.kind,
        id: change.id,
        why,
        plannedFingerprint: change.fingerprint,
        currentFingerprint,
        plannedAction: change.action,
        currentAction: current.action,
      });
    }
  });
  return { stale: stale.length > 0, changes: stale };
}

/** True when GitHub changed since the plan was made (or time changed what it would do). */
export async function isPlanStale(
  client: GitHubClient,
  plan: Plan,
  options: StalenessOptions = {},
): Promise<boolean> {
  return (await checkPlanStaleness(client, plan, options)).stale;
}
