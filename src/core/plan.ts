import type { Expiry, LimitType, ObservedInteractionLimit } from '../github';
import type { DesiredOf, ResourceKind, TargetOf } from './types';

/**
 * The plan is data: every change is computed before anything is written, is JSON-serializable,
 * and is what the CLI prints with `--json` (docs/core.md documents each field; keep it stable).
 */
export const PLAN_FORMAT_VERSION = 1;

/**
 * - `create`: write a limit where none is in force (never applied, or removed out of band).
 * - `renew`: re-write the same limit because it lapsed or is inside its renewal window.
 * - `update`: write a different value (limit, expiry, bypass list, cap).
 * - `delete`: the resource is declared absent and GitHub still has it.
 * - `none`: nothing to write.
 * - `blocked`: GitHub would refuse the write (a shadowed repository limit, a cap that is not
 *   available); never written, the change carries a `remedy`.
 */
export type Action = 'create' | 'update' | 'renew' | 'delete' | 'none' | 'blocked';
export const ACTIONS: readonly Action[] = [
  'create',
  'update',
  'renew',
  'delete',
  'none',
  'blocked',
];

/** No limit is in force at the scope: it expired or was removed (or was never applied). */
export interface MissingReason {
  readonly type: 'missing';
  readonly message: string;
  /** When the limit lapsed, if known (from `previous.expiresAt`, or a stale answer). */
  readonly expiredAt?: string;
}

/** The limit is in force but expires within the renewal window. */
export interface ExpiringReason {
  readonly type: 'expiring';
  readonly message: string;
  readonly expiresAt: string;
  readonly windowSeconds: number;
  /** Seconds from `now` to `expiresAt`, rounded down. */
  readonly secondsLeft: number;
}

/** A declared value differs from GitHub's. */
export interface ChangedReason {
  readonly type: 'changed';
  readonly message: string;
  readonly field: 'limit' | 'expiry' | 'enabled' | 'maxOpenPullRequests';
  readonly before: string | number | boolean | null;
  readonly after: string | number | boolean | null;
}

/** A repository is under its organization's or user's limit (`origin` is not `repository`). */
export interface ShadowedReason {
  readonly type: 'shadowed';
  readonly message: string;
  /** Id of the scope that owns the limit in force: `org/OWNER` or `user/OWNER`. */
  readonly owner: string;
  /** GitHub's `origin`, e.g. `organization`. */
  readonly origin: string;
  readonly limit: LimitType;
  readonly expiresAt: string;
}

/** Logins on GitHub's bypass list that are not declared (GitHub's spelling). */
export interface AddedOutOfBandReason {
  readonly type: 'added_out_of_band';
  readonly message: string;
  readonly logins: readonly string[];
}

/** Declared logins missing from GitHub's bypass list (the declared spelling). */
export interface RemovedOutOfBandReason {
  readonly type: 'removed_out_of_band';
  readonly message: string;
  readonly logins: readonly string[];
}

/** The creation cap is declared enabled and is disabled on GitHub. */
export interface DisabledReason {
  readonly type: 'disabled';
  readonly message: string;
}

/** GitHub answered 405: the creation cap is not available for this organization or repository. */
export interface NotAvailableReason {
  readonly type: 'not_available';
  readonly message: string;
}

/** The resource is declared absent (destroy, or a policy's `none`) and GitHub still has it. */
export interface DeclaredAbsentReason {
  readonly type: 'declared_absent';
  readonly message: string;
}

export type Reason =
  | MissingReason
  | ExpiringReason
  | ChangedReason
  | ShadowedReason
  | AddedOutOfBandReason
  | RemovedOutOfBandReason
  | DisabledReason
  | NotAvailableReason
  | DeclaredAbsentReason;

export type ReasonType = Reason['type'];

/** A creation cap as observed: its settings, or `available: false` when GitHub answered 405. */
export type ObservedCap =
  | { readonly available: true; readonly enabled: boolean; readonly maxOpenPullRequests: number }
  | { readonly available: false };

export interface ObservedBypassList {
  /** Logins as GitHub spells them, in GitHub's order. */
  readonly users: readonly string[];
}

/** What a change would leave in force. */
export interface DesiredLimitState {
  readonly limit: LimitType;
  readonly expiry: Expiry;
}
export interface DesiredBypassListState {
  readonly users: readonly string[];
}
export interface DesiredCapState {
  readonly enabled: boolean;
  readonly maxOpenPullRequests?: number;
}

/** The writes a change makes, in order, as data. */
export type LimitOperation =
  | { readonly type: 'set_limit'; readonly limit: LimitType; readonly expiry: Expiry }
  | { readonly type: 'remove_limit' };
/** At most BYPASS_LIST_BATCH_SIZE logins each; removals first so the list never exceeds 100. */
export type BypassListOperation =
  | { readonly type: 'remove_users'; readonly users: readonly string[] }
  | { readonly type: 'add_users'; readonly users: readonly string[] };
export type CapOperation = {
  readonly type: 'update_cap';
  readonly enabled: boolean;
  readonly maxOpenPullRequests?: number;
};

interface ChangeCommon<K extends ResourceKind> {
  readonly kind: K;
  /** The resource id (DESIGN.md): `repo/acme/api`, `acme/api`, `user/octocat`… */
  readonly id: string;
  /** What the change is about; the `user` scope carries the token's login. */
  readonly target: TargetOf<K>;
  /** The declared resource this change was computed from (user scope: login resolved). */
  readonly desired: DesiredOf<K>;
  readonly action: Action;
  /** Why the action; empty when the action is `none`. */
  readonly reasons: readonly Reason[];
  /** Informational remarks that do not call for a write (e.g. a one-off limit that lapsed). */
  readonly notes: readonly string[];
  /** What to do about a `blocked` change. */
  readonly remedy?: string;
  /** Hash of `before`, to tell later whether GitHub changed since the plan (isPlanStale). */
  readonly fingerprint: string;
  /** Where the resource was declared (policy file position, Pulumi URN…), passed through. */
  readonly source?: string;
}

export interface InteractionLimitChange extends ChangeCommon<'InteractionLimit'> {
  /** The limit GitHub reports at the scope, or null when none is in force. */
  readonly before: ObservedInteractionLimit | null;
  /** The declared limit, or null when declared absent. */
  readonly after: DesiredLimitState | null;
  readonly operations: readonly LimitOperation[];
}

export interface PrBypassListChange extends ChangeCommon<'PrBypassList'> {
  readonly before: ObservedBypassList;
  /** The declared users (empty when declared absent), in the declared spelling. */
  readonly after: DesiredBypassListState;
  readonly operations: readonly BypassListOperation[];
}

export interface PrCreationCapChange extends ChangeCommon<'PrCreationCap'> {
  readonly before: ObservedCap;
  /** `{ enabled: false }` when declared absent. */
  readonly after: DesiredCapState;
  readonly operations: readonly CapOperation[];
}

export type Change = InteractionLimitChange | PrBypassListChange | PrCreationCapChange;

export type PlanSummary = Readonly<Record<Action, number>>;

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  /** The clock the expiry decisions used (GitHub's, by default), ISO-8601. */
  readonly createdAt: string;
  readonly changes: readonly Change[];
  /** How many changes per action; every action is present. */
  readonly summary: PlanSummary;
}

/** Observed state of any kind, tagged, as re-reads and staleness checks return it. */
export type ObservedState =
  | { readonly kind: 'InteractionLimit'; readonly limit: ObservedInteractionLimit | null }
  | { readonly kind: 'PrBypassList'; readonly list: ObservedBypassList }
  | { readonly kind: 'PrCreationCap'; readonly cap: ObservedCap };

export function summarize(changes: readonly Change[]): PlanSummary {
  const summary = Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
  for (const change of changes) summary[change.action]++;
  return summary;
}

/** Changes that call for attention: anything but `none` (what makes `plan` exit 2). */
export function pendingChanges(plan: Plan): Change[] {
  return plan.changes.filter((c) => c.action !== 'none');
}

/**
 * Lays a change out in the documented key order (what people read first), whichever kind built
 * it, so `--json` output is stable and diffable.
 */
export function orderChange<C extends Change>(change: C): C {
  const { kind, id, action, reasons, notes, remedy, before, after, operations } = change;
  const { target, desired, fingerprint, source } = change;
  return {
    kind,
    id,
    action,
    reasons,
    notes,
    ...(remedy !== undefined ? { remedy } : {}),
    before,
    after,
    operations,
    target,
    desired,
    fingerprint,
    ...(source !== undefined ? { source } : {}),
  } as C;
}
