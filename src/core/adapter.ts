import type { GitHubClient } from '../github';
import { applyChange } from './applier';
import type { Clock } from './clock';
import { resolveClock } from './clock';
import { diffResource } from './diff';
import type { PreviousApplied } from './kind';
import { observeTarget } from './observe';
import type { ObservedState } from './plan';
import { resolveDesiredResources } from './planner';
import { kindContract } from './registry';
import type {
  Change,
  DesiredOf,
  DesiredResource,
  InputsOf,
  ResourceKind,
  ResourceTarget,
  StateOf,
  TargetOf,
} from './types';

/**
 * The adapter API: what a stateful front door (Pulumi, Terraform) does for one resource, over the
 * same engine as the policy CLI. Typical flow: `desiredFromInputs` → `resolveDesired` → `observe`
 * → `diff` → `applyChange` → `toState`; a refresh is `refresh`, an import is `importResource`.
 */

export { applyChange };
export type { ApplyChangeOptions } from './applier';

/** Reads one resource's current state from GitHub. */
export function observe(client: GitHubClient, target: ResourceTarget): Promise<ObservedState> {
  return observeTarget(client, target);
}

export interface DiffOptions {
  /** What the front door recorded at its last apply (from `fromState`). */
  readonly previous?: PreviousApplied;
  /** @default now */
  readonly now?: Date;
}

/** One desired resource against what `observe` read: one change, as data. Pure. */
export function diff(
  desired: DesiredResource,
  observed: ObservedState,
  options: DiffOptions = {},
): Change {
  return diffResource({
    desired,
    observed,
    now: options.now ?? new Date(),
    ...(options.previous ? { previous: options.previous } : {}),
  });
}

/** The declared resource that inputs of a kind stand for; throws SpecValidationError. */
export function desiredFromInputs<K extends ResourceKind>(
  kind: K,
  inputs: Readonly<Record<string, unknown>>,
  extra: { readonly source?: string; readonly previous?: PreviousApplied } = {},
): DesiredOf<K> {
  const spec = kindContract(kind).specFromInputs(inputs);
  return { ensure: 'present', spec, ...extra } as DesiredOf<K>;
}

/** A destroy: the resource declared absent. */
export function absentDesired<K extends ResourceKind>(
  target: TargetOf<K>,
  source?: string,
): DesiredOf<K> {
  return { ensure: 'absent', target, ...(source ? { source } : {}) } as DesiredOf<K>;
}

/** Fills in what only the token tells (the user scope's login); throws UserScopeMismatchError. */
export async function resolveDesired<K extends ResourceKind>(
  client: GitHubClient,
  desired: DesiredOf<K>,
): Promise<DesiredOf<K>> {
  const [resolved] = await resolveDesiredResources(client, [desired as DesiredResource]);
  return resolved as DesiredOf<K>;
}

/** What to store after an apply: resolved inputs, the id, and what GitHub reports now. */
export function toState<K extends ResourceKind>(
  kind: K,
  inputs: Readonly<Record<string, unknown>>,
  target: TargetOf<K>,
  observed: ObservedState,
): StateOf<K> {
  const contract = kindContract(kind);
  return contract.toState({
    inputs: contract.resolveInputs(inputs),
    target,
    observed: observed.observed,
  } as never) as StateOf<K>;
}

/** The declared inputs a stored state stands for, and what was last applied. */
export function fromState<K extends ResourceKind>(
  kind: K,
  state: StateOf<K>,
): { inputs: InputsOf<K>; previous?: PreviousApplied } {
  return kindContract(kind).fromState(state as never) as {
    inputs: InputsOf<K>;
    previous?: PreviousApplied;
  };
}

export interface RefreshOptions {
  /** The clock to judge expiry by. @default GitHub's clock */
  readonly now?: Clock;
}

/**
 * A refresh (Pulumi read, Terraform ReadResource): the state as GitHub has it now, keeping the
 * declared inputs GitHub cannot report (expiry, renewal), or null when the resource is gone (no
 * limit in force at the scope, so the next apply creates it). A declaration that wants nothing
 * written now (a one-off limit that lapsed, `until` passed, a cap declared off where GitHub offers
 * none) is not gone: its state is kept, or the front door would create it again. The change the
 * next diff will plan comes with it.
 */
export async function refresh<K extends ResourceKind>(
  client: GitHubClient,
  kind: K,
  state: StateOf<K>,
  options: RefreshOptions = {},
): Promise<{ state: StateOf<K>; change: Change } | null> {
  const contract = kindContract(kind);
  const { inputs, previous } = contract.fromState(state as never);
  const target = contract.parseId(state.id);
  const desired = (await resolveDesired(client, {
    ensure: 'present',
    spec: contract.specFromInputs(inputs as Readonly<Record<string, unknown>>),
    ...(previous ? { previous } : {}),
  } as DesiredOf<K>)) as DesiredResource;
  const observed = await observeTarget(client, target as ResourceTarget);
  const now = resolveClock(client, options.now)();
  const change = diffResource({ desired, observed, now, ...(previous ? { previous } : {}) });
  const nothingThere =
    observed.observed === null ||
    (observed.observed as { available?: boolean }).available === false;
  if (nothingThere) {
    // Kept as it was: its `expiresAt` is how the next diff knows the limit lapsed (not "never
    // applied"), which is what keeps a one-off limit from being set again.
    return change.action === 'none' ? { state, change } : null;
  }
  const refreshed = contract.toState({
    inputs,
    target,
    observed: observed.observed,
  } as never) as StateOf<K>;
  return { state: refreshed, change };
}

/**
 * An import by id (Terraform import, Pulumi adoption): the inputs that declare what GitHub has,
 * and the state to store; null when there is nothing at that id to import.
 */
export async function importResource<K extends ResourceKind>(
  client: GitHubClient,
  kind: K,
  id: string,
): Promise<{ inputs: InputsOf<K>; state: StateOf<K> } | null> {
  const contract = kindContract(kind);
  const parsed = contract.parseId(id);
  const observed = await observeTarget(client, parsed as ResourceTarget);
  const inputs = contract.importInputs(parsed as never, observed.observed as never);
  if (inputs === null) return null;
  const state = contract.toState({ inputs, target: parsed, observed: observed.observed } as never);
  return { inputs: inputs as InputsOf<K>, state: state as StateOf<K> };
}

/** Names of the inputs whose change needs a new resource. */
export function requiresReplace<K extends ResourceKind>(
  kind: K,
  before: InputsOf<K>,
  after: InputsOf<K>,
): string[] {
  return kindContract(kind).requiresReplace(before as never, after as never);
}
