import type { GitHubClient } from '../github';
import {
  ForbiddenError,
  GRAPHQL_BATCH_SIZE,
  GitHubApiError,
  GraphqlUnavailableError,
  RateLimitBudgetError,
  RateLimitedError,
  ShadowedLimitError,
  UnknownLoginsError,
  ValidationError,
  readableErrorMessage,
} from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { diffResource, observedStateOf } from './diff';
import type { BatchObservation } from './kind';
import { MIN_BATCH_TARGETS, observeBatchOf, observeTarget } from './observe';
import type { ObservedState, Plan } from './plan';
import { anyKindContract } from './registry';
import type { Change, DesiredResource, ObservedOf, ResourceKind } from './types';
import type { WriteLog } from './writes';
import { settleWithConcurrency } from './concurrency';
import { DEFAULT_PLAN_CONCURRENCY } from './defaults';
import { fingerprintObserved } from './fingerprint';
import { loginKey } from './names';

/**
 * - `applied`: written, and GitHub read back as declared.
 * - `unchanged`: nothing needed writing (action `none`; a removal GitHub had already done; or,
 *   re-read just before its write, the resource was already as declared: another run got there).
 * - `blocked`: never written; see `remedy`.
 * - `failed`: GitHub refused, or the read-back still differs; see `error`/`message`.
 * - `conflict`: re-read just before its write, the resource had changed since the plan to
 *   something that is neither what the plan saw nor what is declared: someone else is changing
 *   it. Not written (see `conflict` for both states); plan again.
 */
export type Outcome = 'applied' | 'unchanged' | 'blocked' | 'failed' | 'conflict';
export const OUTCOMES: readonly Outcome[] = [
  'applied',
  'unchanged',
  'blocked',
  'failed',
  'conflict',
];

/**
 * Why a change failed, as data (what `--json` prints), and the typed error itself as `cause`
 * (not enumerable, so it stays out of JSON): ShadowedLimitError, ForbiddenError (with the
 * permission needed), NotFoundError, NotAvailableError, ValidationError (with GitHub's `errors`)…
 * so each front door can render it its own way.
 */
export interface FailureDetails {
  /** The typed error's class name, e.g. `ForbiddenError`. */
  readonly name: string;
  /** Its message: what went wrong and what to do; never a credential. */
  readonly message: string;
  /** The HTTP status, for GitHub errors. */
  readonly status?: number;
  /** ForbiddenError: the permission the token needs. */
  readonly permissionNeeded?: string;
  /** ShadowedLimitError: the scope whose limit is in force. */
  readonly scope?: string;
  /** ValidationError: GitHub's `errors`. */
  readonly errors?: ValidationError['errors'];
  /** UnknownLoginsError: the logins being added that are not GitHub users. */
  readonly logins?: readonly string[];
  /** RateLimitedError: when the limit resets (ISO-8601). */
  readonly resetAt?: string;
  /** The typed error (not enumerable). */
  readonly cause?: unknown;
}

interface ResultCommon<K extends ResourceKind> {
  readonly kind: K;
  readonly id: string;
  readonly action: Change['action'];
  readonly outcome: Outcome;
  /** One line for people. */
  readonly message: string;
  /**
   * Write requests GitHub answered for this change, counted as they complete: a change that fails
   * half way (a bypass list's second batch) reports the ones before the failure.
   */
  readonly writes: number;
  readonly remedy?: string;
  readonly error?: FailureDetails;
  readonly source?: string;
}

/** The result of one change of kind K, with what GitHub reported after it. */
export type ResultOf<K extends ResourceKind> = ResultCommon<K> & {
  /** The state read back after the writes; absent when it could not be read. */
  readonly observedAfter?: ObservedOf<K>;
  /** For `conflict`: what the plan saw, and what GitHub had just before the write. */
  readonly conflict?: { readonly planned: ObservedOf<K>; readonly current: ObservedOf<K> };
};
export type InteractionLimitResult = ResultOf<'InteractionLimit'>;
export type PrBypassListResult = ResultOf<'PrBypassList'>;
export type PrCreationCapResult = ResultOf<'PrCreationCap'>;
export type ChangeResult = { [K in ResourceKind]: ResultOf<K> }[ResourceKind];

type ResultFields = ResultCommon<ResourceKind>;

export interface ApplyResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  /** One per change, in the plan's order (`results[i]` is `plan.changes[i]`). */
  readonly results: readonly ChangeResult[];
  readonly summary: Readonly<Record<Outcome, number>>;
  /** No change failed or met a conflicting change. */
  readonly ok: boolean;
  /** Every change is applied or unchanged: GitHub is as declared. */
  readonly converged: boolean;
}

export type ApplyProgress =
  | {
      readonly type: 'started';
      readonly change: Change;
      readonly step: number;
      readonly total: number;
    }
  | {
      readonly type: 'finished';
      readonly change: Change;
      /** For a change read back at the end (a bypass list), `applied` means "written". */
      readonly result: ChangeResult;
      readonly step: number;
      readonly total: number;
    }
  | {
      /** A change written earlier, now read back: its final result. */
      readonly type: 'confirmed';
      readonly change: Change;
      readonly result: ChangeResult;
    };

export interface ApplyOptions {
  /** Called before and after each change, in the order they run. */
  readonly onProgress?: (event: ApplyProgress) => void;
  /** The clock the read-back is judged by. @default GitHub's clock (`client.now()`) */
  readonly now?: Clock;
  /**
   * Re-read resources before their writes in GraphQL batches where their kind offers a batch
   * read (interaction limits), as the plan read them. @default true
   */
  readonly graphql?: boolean;
}

/**
 * Executes a plan. Writes are serialized, one change at a time: organization and user limits
 * first (they decide what repository limits can be), then the rest in plan order. A blocked
 * change is never written. One failing change does not stop the others. Each written resource is
 * read back and diffed again to confirm it is as declared.
 *
 * Idempotent: after a crash at any point, plan again and apply; the plan is recomputed from GitHub.
 */
export async function applyPlan(
  client: GitHubClient,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const clock = resolveClock(client, options.now);
  const startedAt = new Date().toISOString();
  const order = executionOrder(plan.changes);
  const results: ChangeResult[] = new Array(plan.changes.length);

  // Resources whose writes answer with no state (a bypass list's 204s) are read back once, after
  // every write, with ETags: not between writes, where the read would delay the next write.
  const unconfirmed: { index: number; done: WriteLog }[] = [];
  const rereads = new Rereads(client, plan, order, options.graphql !== false);
  for (const [step, index] of order.entries()) {
    const change = plan.changes[index];
    options.onProgress?.({ type: 'started', change, step: step + 1, total: order.length });
    const outcome = await runCheckedChange(client, change, clock, () => rereads.read(step));
    if (outcome.unconfirmed) unconfirmed.push({ index, done: outcome.unconfirmed });
    results[index] = outcome.result;
    options.onProgress?.({
      type: 'finished',
      change,
      result: outcome.result,
      step: step + 1,
      total: order.length,
    });
  }
  const confirmations = await settleWithConcurrency(
    unconfirmed,
    DEFAULT_PLAN_CONCURRENCY,
    ({ index, done }) => confirmByReading(client, plan.changes[index], done, clock),
  );
  for (const [i, { index }] of unconfirmed.entries()) {
    const confirmation = confirmations[i];
    // confirmByReading never throws: a failed read is a failed result.
    if (confirmation.status !== 'fulfilled') continue;
    results[index] = confirmation.value;
    options.onProgress?.({
      type: 'confirmed',
      change: plan.changes[index],
      result: confirmation.value,
    });
  }

  const summary = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const result of results) summary[result.outcome]++;
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    results,
    summary,
    ok: summary.failed === 0 && summary.conflict === 0,
    converged: summary.failed === 0 && summary.blocked === 0 && summary.conflict === 0,
  };
}

/** What an apply of a plan spends of GitHub's primary rate limit (`core`), at most. */
export interface ApplyCost {
  /** Write requests: one per operation. */
  readonly writes: number;
  /**
   * REST re-reads just before each change's writes (runCheckedChange): conditional, so a 304
   * when nothing changed since the plan costs nothing; counted anyway (an upper bound).
   */
  readonly reReads: number;
  /**
   * Re-reads made in GraphQL batches instead (interaction limits, when the plan read them so):
   * they cost GraphQL points, one a query of up to 100, and no `core` unit.
   */
  readonly batchReReads: number;
  /** Read-backs: one per change whose writes answer no state (a bypass list's 204s). */
  readonly readBacks: number;
  /** Rate-limit units of `core`: every REST request GitHub answers with more than a 304 costs one. */
  readonly units: number;
}

/** Kinds whose written state is read back after the writes (WriteLog.answered stays unset). */
const READ_BACK_KINDS: ReadonlySet<ResourceKind> = new Set(['PrBypassList']);

/** Whether applying a change writes (it is neither `none` nor `blocked`). */
export const changeWrites = (change: Change): boolean =>
  change.action !== 'none' && change.action !== 'blocked';

export function applyCost(plan: Plan, options: { readonly graphql?: boolean } = {}): ApplyCost {
  const batched = batchedKinds(plan, options.graphql !== false);
  let writeCount = 0;
  let reReads = 0;
  let batchReReads = 0;
  let readBacks = 0;
  for (const change of plan.changes) {
    if (!changeWrites(change)) continue;
    writeCount += change.operations.length;
    if (batched.has(change.kind)) batchReReads++;
    else reReads++;
    if (READ_BACK_KINDS.has(change.kind)) readBacks++;
  }
  return {
    writes: writeCount,
    reReads,
    batchReReads,
    readBacks,
    units: writeCount + reReads + readBacks,
  };
}

/**
 * The kinds whose re-reads go in GraphQL batches: those with a batch read, when GraphQL is on and
 * the plan writes at least MIN_BATCH_TARGETS of them (as observeTargets batches the plan's reads;
 * below that the plan read them by REST, with an ETag, and a re-read is a free 304).
 */
function batchedKinds(plan: Plan, graphql: boolean): Set<ResourceKind> {
  const kinds = new Set<ResourceKind>();
  if (!graphql) return kinds;
  const counts = new Map<ResourceKind, number>();
  for (const change of plan.changes) {
    if (changeWrites(change)) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  }
  for (const [kind, count] of counts) {
    if (count >= MIN_BATCH_TARGETS && anyKindContract(kind).observeBatch) kinds.add(kind);
  }
  return kinds;
}

/**
 * How long a batched re-read counts as "just before" the write, on GitHub's clock: a change whose
 * batch was read longer ago than this is read again (with the next ones of its kind). On GitHub,
 * writes go about a second apart, so a batch serves about this many seconds of writes.
 */
export const BATCH_REREAD_MAX_AGE_MS = 10_000;

/**
 * The re-reads before each change's writes. A resource of a batched kind (see batchedKinds) is
 * read in one GraphQL query with the next changes of its kind that will write (up to 100),
 * at most BATCH_REREAD_MAX_AGE_MS before its own write; a limit observed through GraphQL has no
 * ETag, so reading each by REST would cost a unit. Anything a batch cannot answer for, and every
 * other kind, is read by REST (conditional: a 304 when nothing changed).
 */
class Rereads {
  private readonly batched: Set<ResourceKind>;
  /** Fresh states by the change's index in the plan, with when (GitHub's clock) they were read. */
  private readonly fresh = new Map<number, { state: ObservedState; readAtMs: number }>();

  constructor(
    private readonly client: GitHubClient,
    private readonly plan: Plan,
    private readonly order: readonly number[],
    graphql: boolean,
  ) {
    this.batched = batchedKinds(plan, graphql);
  }

  async read(step: number): Promise<{ state?: ObservedState; error?: unknown }> {
    const index = this.order[step];
    const change = this.plan.changes[index];
    if (!this.batched.has(change.kind)) return readBack(this.client, change);
    let entry = this.fresh.get(index);
    if (!entry || this.client.now().getTime() - entry.readAtMs > BATCH_REREAD_MAX_AGE_MS) {
      await this.readBatch(step);
      entry = this.fresh.get(index);
    }
    this.fresh.delete(index);
    return entry ? { state: entry.state } : readBack(this.client, change);
  }

  /** Reads the change at `step` and the next ones of its kind that will write, in one query. */
  private async readBatch(step: number): Promise<void> {
    const kind = this.plan.changes[this.order[step]].kind;
    const indexes: number[] = [];
    for (let at = step; at < this.order.length && indexes.length < GRAPHQL_BATCH_SIZE; at++) {
      const change = this.plan.changes[this.order[at]];
      if (change.kind === kind && changeWrites(change)) indexes.push(this.order[at]);
    }
    let batch: BatchObservation<unknown>[];
    try {
      batch = await observeBatchOf(
        this.client,
        kind,
        indexes.map((index) => this.plan.changes[index].target),
      );
    } catch (error) {
      // GraphQL refused (or is not there): every later re-read of the kind goes by REST.
      if (error instanceof GraphqlUnavailableError) this.batched.delete(kind);
      return;
    }
    const readAtMs = this.client.now().getTime();
    batch.forEach((observation, position) => {
      if (!observation.observed) return;
      const index = indexes[position];
      this.fresh.set(index, {
        state: { kind, observed: observation.value } as ObservedState,
        readAtMs,
      });
    });
  }
}

export interface ApplyBudget extends ApplyCost {
  /** Units left of `core` as GitHub last said; undefined when no answer has said yet. */
  readonly remaining?: number;
  readonly resetAt?: Date;
  /** Seconds of waiting for resets the apply needs to finish (0: it fits). */
  readonly waitSeconds: number;
}

/**
 * Before the first write: whether the plan's writes and read-backs fit in what is left of the
 * `core` rate limit (as the plan's answers reported it), or in the waiting the client may still
 * do (`maxRateLimitWaitSeconds`). Throws RateLimitBudgetError when neither, so an apply never
 * stops half done for want of units. When nothing is known yet, there is nothing to check.
 */
export function checkApplyBudget(
  client: GitHubClient,
  plan: Plan,
  options: { readonly graphql?: boolean } = {},
): ApplyBudget {
  const cost = applyCost(plan, options);
  const status = client.rateLimit('core');
  if (!status || cost.units === 0) return { ...cost, waitSeconds: 0 };
  const nowMs = client.now().getTime();
  const resetMs = status.reset.getTime();
  // A window that has reset since the last answer has the whole limit again.
  const remaining = resetMs <= nowMs ? status.limit : status.remaining;
  const budget = { ...cost, remaining, resetAt: status.reset };
  if (cost.units <= remaining) return { ...budget, waitSeconds: 0 };
  // Beyond the next window's whole limit, each further window costs a full hour more.
  const windows = Math.ceil((cost.units - remaining) / Math.max(1, status.limit));
  const waitSeconds = Math.ceil(Math.max(0, resetMs - nowMs) / 1000) + (windows - 1) * 3600;
  const wait = client.rateLimitWait;
  const maxWaitSeconds = Math.max(0, wait.maxSeconds - wait.waitedSeconds);
  if (waitSeconds <= maxWaitSeconds) return { ...budget, waitSeconds };
  throw new RateLimitBudgetError(
    {
      needed: cost.units,
      remaining,
      resetAt: status.reset,
      waitSeconds,
      maxWaitSeconds,
      resource: status.resource,
      breakdown: `${cost.writes} write${cost.writes === 1 ? '' : 's'}, ${cost.reReads} re-read${cost.reReads === 1 ? '' : 's'} before writing and ${cost.readBacks} read-back${cost.readBacks === 1 ? '' : 's'}${cost.batchReReads > 0 ? `; ${cost.batchReReads} more re-read${cost.batchReReads === 1 ? '' : 's'} go through GraphQL and cost no REST unit` : ''}`,
    },
    nowMs,
  );
}

/**
 * Re-reads the resource just before its writes (a conditional request: GitHub answers 304 when
 * nothing changed since the plan's read, which costs no rate-limit unit) and writes only what is
 * still needed, so two runs of the same plan do not write twice and a concurrent change is not
 * undone unseen:
 * - as the plan saw it → the planned writes;
 * - already as declared (another run got there) → nothing written, `unchanged`;
 * - now blocked (e.g. an owner's limit took over) → nothing written, `blocked`;
 * - changed the same way the plan goes (what is left to do is part of what was planned, e.g. a
 *   bypass list with some of the planned logins already added) → only what is left, computed
 *   from the fresh read;
 * - changed otherwise → nothing written, `conflict`, with both states. A saved plan whose
 *   resources changed is refused before any write for the same reason (checkPlanStaleness).
 */
async function runCheckedChange(
  client: GitHubClient,
  change: Change,
  clock: Clock,
  reread: () => Promise<{ state?: ObservedState; error?: unknown }>,
): Promise<{ result: ChangeResult; unconfirmed?: WriteLog }> {
  if (!changeWrites(change)) return runChange(client, change, clock, true);
  const fresh = await reread();
  if (!fresh.state) {
    const failure = failureOf(fresh.error);
    return {
      result: result(
        {
          ...commonFields(change),
          outcome: 'failed',
          writes: 0,
          message: `${change.id} was not written: reading it again before the write failed: ${failure.message}`,
          error: failure,
        },
        undefined,
      ),
    };
  }
  if (fingerprintObserved(fresh.state) === change.fingerprint) {
    return runChange(client, change, clock, true);
  }
  const contract = anyKindContract(change.kind);
  const now = describeObservedState(fresh.state);
  const current = diffResource({
    desired: change.desired as DesiredResource,
    observed: fresh.state,
    now: clock(),
  });
  if (current.action === 'none') {
    return {
      result: result(
        {
          ...commonFields(change),
          outcome: 'unchanged',
          writes: 0,
          message: `${change.id} is already as declared: GitHub changed since the plan (now ${now}), so nothing was written.`,
        },
        fresh.state,
      ),
    };
  }
  if (current.action === 'blocked') {
    return {
      result: result(
        {
          ...commonFields(change),
          outcome: 'blocked',
          writes: 0,
          message: `${change.id} was not written: GitHub changed since the plan: ${current.reasons.map((r) => r.message).join(' ')}`,
          ...(current.remedy !== undefined ? { remedy: current.remedy } : {}),
        },
        fresh.state,
      ),
    };
  }
  if (followsPlan(change, current)) {
    const rest = { ...current, ...(change.source !== undefined ? { source: change.source } : {}) };
    return runChange(client, rest as Change, clock, true);
  }
  const planned = describeObservedState({
    kind: change.kind,
    observed: change.before,
  } as ObservedState);
  return {
    result: {
      ...commonFields(change),
      outcome: 'conflict',
      writes: 0,
      message: `${change.id} was not written: it changed on GitHub since the plan, to neither what the plan saw nor what is declared. The plan saw ${planned}; GitHub now has ${now}. Someone else is changing it; plan again to see the change before applying.`,
      observedAfter: fresh.state.observed,
      conflict: { planned: change.before, current: fresh.state.observed },
      error: {
        name: 'ConcurrentChangeError',
        message: `${contract.title} ${change.id} changed since the plan: the plan saw ${planned}; GitHub now has ${now}`,
      },
    } as ChangeResult,
  };
}

function describeObservedState(state: ObservedState): string {
  return anyKindContract(state.kind).describeObserved(state.observed as never);
}

/**
 * Whether what is left to do (`current`, diffed from a fresh read) is part of what the plan set
 * out to do: every reason it has, the plan had (the same logins or fewer, the same value
 * changing). Then the change on GitHub since the plan went the same way (another run of the same
 * policy, half done) and writing the rest undoes nobody's change.
 */
function followsPlan(planned: Change, current: Change): boolean {
  return current.reasons.every((reason) =>
    planned.reasons.some((was) => sameCause(was as AnyReason, reason as AnyReason)),
  );
}

interface AnyReason {
  readonly type: string;
  readonly logins?: readonly string[];
  readonly field?: string;
  readonly before?: unknown;
  readonly owner?: string;
}

function sameCause(planned: AnyReason, current: AnyReason): boolean {
  // A bypass list planned from empty ("missing": add every declared login) covers declared
  // logins still to add once some of them are there.
  if (planned.type === 'missing' && current.type === 'removed_out_of_band') return true;
  if (planned.type !== current.type) return false;
  if (current.logins) {
    const was = new Set((planned.logins ?? []).map(loginKey));
    return current.logins.every((login) => was.has(loginKey(login)));
  }
  if (current.field !== undefined) {
    return planned.field === current.field && planned.before === current.before;
  }
  if (current.owner !== undefined)
    return planned.owner?.toLowerCase() === current.owner.toLowerCase();
  return true;
}

/** Each kind's execution rank (organization and user limits first), plan order otherwise. */
export function executionOrder(changes: readonly Change[]): number[] {
  const rank = (change: Change) => anyKindContract(change.kind).executionRank(change.target);
  return changes
    .map((change, index) => ({ index, rank: rank(change) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.index);
}

export interface ApplyChangeOptions {
  /** The clock the read-back is judged by. @default GitHub's clock (`client.now()`) */
  readonly now?: Clock;
}

/**
 * Applies one change (what a Pulumi create/update/delete or a Terraform apply does): runs its
 * writes unless it is `none` or `blocked`, reads the resource back and diffs it again to confirm.
 * Never throws for GitHub's refusals: a failed change is a result with `outcome: 'failed'` and the
 * typed error in `error.cause`.
 */
export async function applyChange(
  client: GitHubClient,
  change: Change,
  options: ApplyChangeOptions = {},
): Promise<ChangeResult> {
  return (await runChange(client, change, resolveClock(client, options.now), false)).result;
}

/**
 * Runs one change's writes. The confirmation is GitHub's answer to the last write where it shows
 * the state; otherwise the resource is read back, at once, or (`deferReading`) by the caller,
 * which gets the write log back as `unconfirmed`.
 */
async function runChange(
  client: GitHubClient,
  change: Change,
  clock: Clock,
  deferReading: boolean,
): Promise<{ result: ChangeResult; unconfirmed?: WriteLog }> {
  const contract = anyKindContract(change.kind);
  const common = commonFields(change);
  if (change.action === 'none') {
    const message = [`${change.id} is as declared.`, ...change.notes].join(' ');
    return {
      result: result(
        { ...common, outcome: 'unchanged', writes: 0, message },
        observedStateOf(change),
      ),
    };
  }
  if (change.action === 'blocked') {
    const message = `${change.id} was not written: ${change.reasons.map((r) => r.message).join(' ')}`;
    return {
      result: result(
        {
          ...common,
          outcome: 'blocked',
          writes: 0,
          message,
          ...(change.remedy !== undefined ? { remedy: change.remedy } : {}),
        },
        observedStateOf(change),
      ),
    };
  }

  const done: WriteLog = { writes: 0 };
  try {
    await contract.apply(client, change, done);
  } catch (error) {
    const failure = failureOf(error);
    const observed = await readBack(client, change);
    const message = `${change.id}: ${failure.message}`;
    return {
      result: result(
        { ...common, outcome: 'failed', writes: done.writes, message, error: failure },
        observed.state,
      ),
    };
  }

  if (done.answered) {
    const state = { kind: change.kind, observed: done.answered.observed } as ObservedState;
    return { result: confirm(change, done, state, clock) };
  }
  if (!deferReading) return { result: await confirmByReading(client, change, done, clock) };
  const writes = `${done.writes} ${done.writes === 1 ? 'write' : 'writes'}`;
  return {
    result: result(
      {
        ...common,
        outcome: done.note ? 'unchanged' : 'applied',
        writes: done.writes,
        message:
          done.note ??
          `${pastTense(change.action)} ${change.id} (${writes}); read back when the apply ends.`,
      },
      undefined,
    ),
    unconfirmed: done,
  };
}

/** Reads a written resource back and confirms it. Never throws: a failed read is a failed result. */
async function confirmByReading(
  client: GitHubClient,
  change: Change,
  done: WriteLog,
  clock: Clock,
): Promise<ChangeResult> {
  const observed = await readBack(client, change);
  if (!observed.state) {
    const failure = failureOf(observed.error);
    return result(
      {
        ...commonFields(change),
        outcome: 'failed',
        writes: done.writes,
        message: `${change.id} was written, but reading it back failed: ${failure.message}`,
        error: failure,
      },
      undefined,
    );
  }
  return confirm(change, done, observed.state, clock);
}

/** Diffs the state after the writes against the declaration: applied, or failed if it differs. */
function confirm(change: Change, done: WriteLog, state: ObservedState, clock: Clock): ChangeResult {
  const contract = anyKindContract(change.kind);
  const common = commonFields(change);
  const previous = contract.previousAfterWrite(change, state.observed);
  const confirmation = diffResource({
    desired: change.desired as DesiredResource,
    observed: state,
    now: clock(),
    ...(previous ? { previous } : {}),
  });
  if (confirmation.action !== 'none') {
    return result(
      {
        ...common,
        outcome: 'failed',
        writes: done.writes,
        message: `${change.id}: GitHub accepted the writes, but its state still shows: ${confirmation.reasons.map((r) => r.message).join(' ')}`,
        error: {
          name: 'ConfirmationError',
          message: 'the state after the writes differs from the declared state',
        },
      },
      state,
    );
  }
  return result(
    {
      ...common,
      outcome: done.note ? 'unchanged' : 'applied',
      writes: done.writes,
      message:
        done.note ??
        `${pastTense(change.action)} ${change.id}: ${contract.describeObserved(state.observed)}.`,
    },
    state,
  );
}

function commonFields(change: Change) {
  return {
    kind: change.kind,
    id: change.id,
    action: change.action,
    ...(change.source !== undefined ? { source: change.source } : {}),
  };
}

async function readBack(
  client: GitHubClient,
  change: Change,
): Promise<{ state?: ObservedState; error?: unknown }> {
  try {
    return { state: await observeTarget(client, change.target) };
  } catch (error) {
    return { error };
  }
}

function result(fields: ResultFields, state: ObservedState | undefined): ChangeResult {
  return (state ? { ...fields, observedAfter: state.observed } : fields) as ChangeResult;
}

function failureOf(error: unknown): FailureDetails {
  const details: Record<string, unknown> = {};
  if (error instanceof GitHubApiError) {
    // An HTML error page (a proxy's 502) is summarised by its title, never quoted whole.
    const message = readableErrorMessage(error);
    Object.assign(details, { name: error.name, message, status: error.status });
    if (error instanceof ForbiddenError) details.permissionNeeded = error.permissionNeeded;
    if (error instanceof ShadowedLimitError) details.scope = error.scope;
    if (error instanceof ValidationError) details.errors = error.errors;
    if (error instanceof UnknownLoginsError) details.logins = error.logins;
    if (error instanceof RateLimitedError && error.resetAt) {
      details.resetAt = error.resetAt.toISOString();
    }
  } else if (error instanceof Error) {
    Object.assign(details, { name: error.name, message: error.message });
  } else {
    Object.assign(details, { name: 'Error', message: String(error) });
  }
  Object.defineProperty(details, 'cause', { value: error, enumerable: false });
  return details as unknown as FailureDetails;
}

function pastTense(action: Change['action']): string {
  const words: Partial<Record<Change['action'], string>> = {
    create: 'Created',
    update: 'Updated',
    renew: 'Renewed',
    delete: 'Deleted',
  };
  return words[action] ?? 'Applied';
}
