import type { LimitType } from '../github';
import type { Change, ObservedOf, ResourceKind } from './types';
import type { UnreadableResource } from './unreadable';

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
  /** The attribute that differs, e.g. `limit`, `maxOpenPullRequests`. */
  readonly field: string;
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

/** Every reason of every kind (each kind declares which it uses, see its `types.ts`). */
export type Reason = Change['reasons'][number];

export type ReasonType = Reason['type'];

export type PlanSummary = Readonly<Record<Action, number>>;

export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  /** The clock the expiry decisions used (GitHub's, by default), ISO-8601. */
  readonly createdAt: string;
  readonly changes: readonly Change[];
  /** How many changes per action; every action is present. */
  readonly summary: PlanSummary;
  /**
   * Declared resources left out of `changes` because GitHub could not be read for them, or
   * because they depend on one that could not (only when planned with `unreadable: 'skip'`;
   * absent when every resource was read).
   */
  readonly unreadable?: readonly UnreadableResource[];
}

/** Observed state of any kind, tagged with its kind, as re-reads and staleness checks use it. */
export type ObservedState = {
  [K in ResourceKind]: { readonly kind: K; readonly observed: ObservedOf<K> };
}[ResourceKind];

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
export function orderChange<C extends Change>(
  change: Omit<C, 'warnings'> & { readonly warnings?: readonly string[] },
): C {
  const { kind, id, action, reasons, notes, remedy, before, after, operations } = change;
  const { target, desired, fingerprint, source } = change;
  return {
    kind,
    id,
    action,
    reasons,
    notes,
    warnings: change.warnings ?? [],
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
