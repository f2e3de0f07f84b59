import type { GitHubClient, ObservedInteractionLimit } from '../github';
import { GitHubApiError, getAuthenticatedLogin } from '../github';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { diffResource, observedStateOf } from './diff';
import { UserScopeMismatchError } from './errors';
import { applyInteractionLimitChange } from './interaction-limit/apply';
import { loginKey } from './names';
import { observeTarget } from './observe';
import type { Change, ObservedBypassList, ObservedCap, ObservedState, Plan } from './plan';
import { applyPrBypassListChange } from './pr-bypass-list/apply';
import { applyPrCreationCapChange } from './pr-creation-cap/apply';
import type { DesiredResource, PreviousApplied, ResourceKind } from './types';
import type { WriteLog } from './writes';

/**
 * - `applied`: written, and GitHub read back as declared.
 * - `unchanged`: nothing needed writing (action `none`, or a removal GitHub had already done).
 * - `blocked`: never written; see `remedy`.
 * - `failed`: GitHub refused, or the read-back still differs; see `error`/`message`.
 */
export type Outcome = 'applied' | 'unchanged' | 'blocked' | 'failed';
export const OUTCOMES: readonly Outcome[] = ['applied', 'unchanged', 'blocked', 'failed'];

export interface FailureDetails {
  /** The typed error's class name, e.g. `ForbiddenError`. */
  readonly name: string;
  /** Its message: what went wrong and what to do; never a credential. */
  readonly message: string;
  /** The HTTP status, for GitHub errors. */
  readonly status?: number;
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

export interface InteractionLimitResult extends ResultCommon<'InteractionLimit'> {
  /** The limit at the scope after the apply; absent when it could not be read. */
  readonly observedAfter?: ObservedInteractionLimit | null;
}
export interface PrBypassListResult extends ResultCommon<'PrBypassList'> {
  readonly observedAfter?: ObservedBypassList;
}
export interface PrCreationCapResult extends ResultCommon<'PrCreationCap'> {
  readonly observedAfter?: ObservedCap;
}
export type ChangeResult = InteractionLimitResult | PrBypassListResult | PrCreationCapResult;

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
      readonly result: ChangeResult;
      readonly step: number;
      readonly total: number;
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
  let tokenLogin: Promise<string> | undefined;
  const getTokenLogin = () => (tokenLogin ??= getAuthenticatedLogin(client));

  for (const [step, index] of order.entries()) {
    const change = plan.changes[index];
    options.onProgress?.({ type: 'started', change, step: step + 1, total: order.length });
    const result = await applyChange(client, change, clock, getTokenLogin);
    results[index] = result;
    options.onProgress?.({ type: 'finished', change, result, step: step + 1, total: order.length });
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

/** Organization and user limits first, then everything else; plan order otherwise. */
export function executionOrder(changes: readonly Change[]): number[] {
  const rank = (change: Change) =>
    change.kind === 'InteractionLimit' && change.target.scope.type !== 'repository' ? 0 : 1;
  return changes
    .map((change, index) => ({ index, rank: rank(change) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.index);
}

async function applyChange(
  client: GitHubClient,
  change: Change,
  clock: Clock,
  getTokenLogin: () => Promise<string>,
): Promise<ChangeResult> {
  const common = {
    kind: change.kind,
    id: change.id,
    action: change.action,
    ...(change.source !== undefined ? { source: change.source } : {}),
  };
  if (change.action === 'none') {
    return result(
      {
        ...common,
        outcome: 'unchanged',
        writes: 0,
        message: [`${change.id} is as declared.`, ...change.notes].join(' '),
      },
      observedStateOf(change),
    );
  }
  if (change.action === 'blocked') {
    return result(
      {
        ...common,
        outcome: 'blocked',
        writes: 0,
        message: `${change.id} was not written: ${change.reasons.map((r) => r.message).join(' ')}`,
        ...(change.remedy !== undefined ? { remedy: change.remedy } : {}),
      },
      observedStateOf(change),
    );
  }

  const done: WriteLog = { writes: 0 };
  try {
    await checkUserScope(change, getTokenLogin);
    await write(client, change, done);
  } catch (error) {
    const failure = failureOf(error);
    const observed = await readBack(client, change);
    return result(
      {
        ...common,
        outcome: 'failed',
        writes: done.writes,
        message: `${change.id}: ${failure.message}`,
        error: failure,
      },
      observed.state,
    );
  }

  const observed = await readBack(client, change);
  if (!observed.state) {
    const failure = failureOf(observed.error);
    return result(
      {
        ...common,
        outcome: 'failed',
        writes: done.writes,
        message: `${change.id} was written, but reading it back failed: ${failure.message}`,
        error: failure,
      },
      undefined,
    );
  }
  const previous = previousAfterWrite(change, observed.state);
  const confirmation = diffResource({
    desired: change.desired as DesiredResource,
    observed: observed.state,
    now: clock(),
    ...(previous ? { previous } : {}),
  });
  if (confirmation.action !== 'none') {
    return result(
      {
        ...common,
        outcome: 'failed',
        writes: done.writes,
        message: `${change.id}: GitHub accepted the writes, but reading it back still shows: ${confirmation.reasons.map((r) => r.message).join(' ')}`,
        error: {
          name: 'ConfirmationError',
          message: 'the state read back differs from the declared state',
        },
      },
      observed.state,
    );
  }
  return result(
    {
      ...common,
      outcome: done.note ? 'unchanged' : 'applied',
      writes: done.writes,
      message:
        done.note ?? `${pastTense(change.action)} ${change.id}: ${describeState(observed.state)}.`,
    },
    observed.state,
  );
}

function write(client: GitHubClient, change: Change, log: WriteLog): Promise<void> {
  switch (change.kind) {
    case 'InteractionLimit':
      return applyInteractionLimitChange(client, change, log);
    case 'PrBypassList':
      return applyPrBypassListChange(client, change, log);
    case 'PrCreationCap':
      return applyPrCreationCapChange(client, change, log);
  }
}

/** A saved plan for `user/LOGIN` must not be applied with another user's token. */
async function checkUserScope(change: Change, getTokenLogin: () => Promise<string>) {
  if (change.kind !== 'InteractionLimit' || change.target.scope.type !== 'user') return;
  const planned = change.target.scope.login;
  const actual = await getTokenLogin();
  if (planned !== undefined && loginKey(planned) !== loginKey(actual)) {
    throw new UserScopeMismatchError(planned, actual);
  }
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
  switch (state?.kind) {
    case 'InteractionLimit':
      return { ...fields, kind: 'InteractionLimit', observedAfter: state.limit };
    case 'PrBypassList':
      return { ...fields, kind: 'PrBypassList', observedAfter: state.list };
    case 'PrCreationCap':
      return { ...fields, kind: 'PrCreationCap', observedAfter: state.cap };
    default:
      return fields as ChangeResult;
  }
}

/** Just written: the expiry requested and the `expires_at` GitHub now reports. */
function previousAfterWrite(change: Change, state: ObservedState): PreviousApplied | undefined {
  if (change.kind !== 'InteractionLimit' || !change.after) return undefined;
  if (state.kind !== 'InteractionLimit' || !state.limit) return undefined;
  return { expiry: change.after.expiry, expiresAt: state.limit.expiresAt };
}

function failureOf(error: unknown): FailureDetails {
  if (error instanceof GitHubApiError) {
    return { name: error.name, message: error.message, status: error.status };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
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

/** The state read back, in words, for the result's message. */
export function describeState(state: ObservedState): string {
  switch (state.kind) {
    case 'InteractionLimit':
      return state.limit
        ? `${state.limit.limit} (origin ${state.limit.origin}), expires at ${state.limit.expiresAt}`
        : 'no limit';
    case 'PrBypassList':
      return state.list.users.length === 0
        ? 'the bypass list is empty'
        : `${state.list.users.length} user${state.list.users.length === 1 ? '' : 's'} on the bypass list`;
    case 'PrCreationCap':
      if (!state.cap.available) return 'the creation cap is not available';
      return state.cap.enabled
        ? `the creation cap allows at most ${state.cap.maxOpenPullRequests} open pull requests`
        : 'the creation cap is disabled';
  }
}
