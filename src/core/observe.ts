import type { GitHubClient } from '../github';
import { GraphqlUnavailableError } from '../github';
import { settleWithConcurrency } from './concurrency';
import { resourceId, resourceKey } from './ids';
import type { BatchObservation } from './kind';
import type { ObservedState } from './plan';
import { anyKindContract } from './registry';
import type { ResourceKind, ResourceTarget } from './types';

/** Reads one resource's current state from GitHub (conditional requests: 304s are free). */
export async function observeTarget(
  client: GitHubClient,
  target: ResourceTarget,
): Promise<ObservedState> {
  const observed = await anyKindContract(target.kind).observe(client, target);
  return { kind: target.kind, observed } as ObservedState;
}

/**
 * The batch read (GraphQL) of `targets`, all of `kind`, which must offer one (`observeBatch`):
 * one observation per target, in order. Throws `GraphqlUnavailableError` when the batch read
 * cannot be used at all.
 */
export function observeBatchOf(
  client: GitHubClient,
  kind: ResourceKind,
  targets: readonly ResourceTarget[],
): Promise<BatchObservation<unknown>[]> {
  const observeBatch = anyKindContract(kind).observeBatch as
    | ((
        client: GitHubClient,
        targets: readonly ResourceTarget[],
      ) => Promise<BatchObservation<unknown>[]>)
    | undefined;
  if (!observeBatch) throw new Error(`BUG: ${kind} has no batch read`);
  return observeBatch(client, targets);
}

/**
 * Below this many targets of a kind, a batch read is not worth it: one REST read answered 304
 * costs no rate-limit unit, where a GraphQL query always costs a point.
 */
export const MIN_BATCH_TARGETS = 2;

/**
 * Observations made before planning, by `resourceKey(kind, id)`: e.g. the limits the policy's
 * selector expansion read with its repository listing. A target found here is not read again.
 */
export type PrefetchedObservations = ReadonlyMap<string, ObservedState['observed']>;

/** A resource read one by one (REST) because the batch read could not answer for it. */
export interface ObservationFallback {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly reason: string;
}

export interface ObserveTargetsOptions {
  /** REST reads in flight at once. */
  readonly concurrency: number;
  /**
   * Batch reads through GraphQL where a kind offers them (`observeBatch`).
   * @default true
   */
  readonly graphql?: boolean;
  readonly prefetched?: PrefetchedObservations;
  /**
   * Resources a batch read already could not answer for (by `resourceKey`, with the reason):
   * read one by one without asking the batch read again.
   */
  readonly unanswered?: ReadonlyMap<string, string>;
  /** Told of every resource the batch read could not answer for (debug output). */
  readonly onFallback?: (fallback: ObservationFallback) => void;
}

/**
 * Reads many resources: what was prefetched is used as is; kinds with a batch read are read in
 * batches (GraphQL: 100 a request); everything else, and whatever a batch could not answer for,
 * one by one (REST with ETags), at most `concurrency` at a time. One settled result per target,
 * in order; a failure is that target's alone.
 */
export async function observeTargets(
  client: GitHubClient,
  targets: readonly ResourceTarget[],
  options: ObserveTargetsOptions,
): Promise<PromiseSettledResult<ObservedState>[]> {
  const known = new Map<number, ObservedState>();
  const ids = targets.map((target) => resourceId(target));
  targets.forEach((target, index) => {
    const key = resourceKey(target.kind, ids[index]);
    if (options.prefetched?.has(key)) {
      known.set(index, {
        kind: target.kind,
        observed: options.prefetched.get(key),
      } as ObservedState);
    }
  });
  const unanswered = new Set<number>();
  targets.forEach((target, index) => {
    const reason = options.unanswered?.get(resourceKey(target.kind, ids[index]));
    if (reason === undefined || known.has(index)) return;
    unanswered.add(index);
    options.onFallback?.({ kind: target.kind, id: ids[index], reason });
  });

  if (options.graphql !== false) {
    const byKind = new Map<ResourceKind, number[]>();
    targets.forEach((target, index) => {
      if (known.has(index) || unanswered.has(index)) return;
      if (!anyKindContract(target.kind).observeBatch) return;
      byKind.set(target.kind, [...(byKind.get(target.kind) ?? []), index]);
    });
    for (const [kind, indexes] of byKind) {
      if (indexes.length < MIN_BATCH_TARGETS) continue;
      const fallBack = (index: number, reason: string) =>
        options.onFallback?.({ kind, id: ids[index], reason });
      let batch: BatchObservation<unknown>[];
      try {
        batch = await observeBatchOf(
          client,
          kind,
          indexes.map((index) => targets[index]),
        );
      } catch (error) {
        if (!(error instanceof GraphqlUnavailableError)) throw error;
        for (const index of indexes) fallBack(index, error.reason);
        continue;
      }
      batch.forEach((observation, position) => {
        const index = indexes[position];
        if (observation.observed) {
          known.set(index, { kind, observed: observation.value } as ObservedState);
        } else {
          fallBack(index, observation.reason);
        }
      });
    }
  }

  const rest = targets.flatMap((target, index) => (known.has(index) ? [] : [{ target, index }]));
  const settled = await settleWithConcurrency(rest, options.concurrency, ({ target }) =>
    observeTarget(client, target),
  );
  const results: PromiseSettledResult<ObservedState>[] = targets.map((_target, index) => {
    const value = known.get(index);
    return value
      ? { status: 'fulfilled', value }
      : { status: 'rejected', reason: new Error('BUG: not observed') };
  });
  rest.forEach(({ index }, position) => {
    results[index] = settled[position];
  });
  return results;
}
