import type { GitHubClient } from '../github';
import {
  ForbiddenError,
  GitHubApiError,
  RateLimitBudgetError,
  RateLimitedError,
  ShadowedLimitError,
  UnknownLoginsError,
  ValidationError,
} from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { diffResource, observedStateOf } from './diff';
import { observeTarget } from './observe';
import type { ObservedState, Plan } from './plan';
import { anyKindContract } from './registry';
import type { Change, DesiredResource, ObservedOf, ResourceKind } from './types';
import type { WriteLog } from './writes';
import { settleWithConcurrency } from './concurrency';
import { DEFAULT_PLAN_CONCURRENCY } from './defaults';

/**
 * - `applied`: written, and GitHub read back as declared.
 * - `unchanged`: nothing needed writing (action `none`, or a removal GitHub had already done).
 * - `blocked`: never written; see `remedy`.
 * - `failed`: GitHub refused, or the read-back still differs; see `error`/`message`.
 */
export type Outcome = 'applied' | 'unchanged' | 'blocked' | 'failed';
export const OUTCOMES: readonly Outcome[] = ['applied', 'unchanged', 'blocked', 'failed'];

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
  /** No change failed. */
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
  for (const [step, index] of order.entries()) {
    const change = plan.changes[index];
    options.onProgress?.({ type: 'started', change, step: step + 1, total: order.length });
    const outcome = await runChange(client, change, clock, true);
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
    ok: summary.failed === 0,
    converged: summary.failed === 0 && summary.blocked === 0,
  };
}

/** What an apply of a plan spends of GitHub's primary rate limit (`core`), about. */
export interface ApplyCost {
  /** Write requests: one per operation. */
  readonly writes: number;
  /** Read-backs: one per change whose writes answer no state (a bypass list's 204s). */
  readonly readBacks: number;
  /** Rate-limit units: every REST request costs one, whatever its method. */
  readonly units: number;
}

/** Kinds whose written state is read back after the writes (WriteLog.answered stays unset). */
const READ_BACK_KINDS: ReadonlySet<ResourceKind> = new Set(['PrBypassList']);

export function applyCost(plan: Plan): ApplyCost {
  let writes = 0;
  let readBacks = 0;
  for (const change of plan.changes) {
    if (change.action === 'none' || change.action === 'blocked') continue;
    writes += change.operations.length;
    if (READ_BACK_KINDS.has(change.kind)) readBacks++;
  }
  return { writes, readBacks, units: writes + readBacks };
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
export function checkApplyBudget(client: GitHubClient, plan: Plan): ApplyBudget {
  const cost = applyCost(plan);
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
      breakdown: `${cost.writes} write${cost.writes === 1 ? '' : 's'} and ${cost.readBacks} read-back${cost.readBacks === 1 ? '' : 's'}`,
    },
    nowMs,
  );
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
    Object.assign(details, { name: error.name, message: error.message, status: error.status });
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
