import type * as pulumi from '@pulumi/pulumi';
import type {
  Change,
  DesiredResource,
  ObservedState,
  PreviousApplied,
  ResourceKind,
  ResourceTarget,
} from '../../core';
import {
  absentDesired,
  anyKindContract,
  applyChange,
  desiredFromInputs,
  diff as diffResource,
  fromState,
  hasUnknowns,
  importResource,
  observe,
  refresh,
  requiresReplace,
  resolveDesired,
  targetOfDesired,
  toState,
} from '../../core';
import type { GitHubClient } from '../../github';
import { ShadowedLimitError } from '../../github';
import { connect } from './connection';
import type { Report } from './messages';
import {
  blockedMessage,
  changeLines,
  checkFailure,
  failedMessage,
  operationError,
  ProviderOperationError,
  reportToStdout,
} from './messages';
import {
  declaredInputs,
  holdsState,
  outputsFromState,
  sameInputs,
  stateFromOutputs,
  withoutProvider,
} from './values';

/**
 * The dynamic provider's operations over the core's adapter API, one resource at a time. Inputs
 * and outputs are Pulumi property bags as the provider server passes them (`__provider` included,
 * unknowns as Pulumi's marker); the semantics are the core's (docs/core.md).
 */

type Props = Readonly<Record<string, unknown>>;

export interface OperationOptions {
  /** Where reasons and notes go. @default stdout, which the engine shows as diagnostics */
  readonly report?: Report;
  /** A client for this operation. @default from the configured connection (`connect`) */
  readonly connect?: () => GitHubClient;
}

/**
 * Replacing an interaction limit deletes the old one first: GitHub refuses a repository limit
 * while its owner's limit is in force (409), so an organization limit moved to a repository must
 * be gone before the repository's is written.
 */
const DELETE_BEFORE_REPLACE: Readonly<Record<ResourceKind, boolean>> = {
  InteractionLimit: true,
  PrBypassList: false,
  PrCreationCap: false,
};

/**
 * Validates the inputs (unknowns deferred); failures name the property. Known inputs come back
 * with the defaults applied, as the state stores them, so a refresh shows no difference.
 */
export async function check(
  kind: ResourceKind,
  _olds: Props,
  news: Props,
): Promise<pulumi.dynamic.CheckResult> {
  const contract = anyKindContract(kind);
  const inputs = declaredInputs(news);
  const issues = contract.validateInputs(inputs);
  if (issues.length > 0) {
    return { inputs: withoutProvider(news), failures: issues.map(checkFailure) };
  }
  if (hasUnknowns(inputs)) return { inputs: withoutProvider(news) };
  return { inputs: { ...contract.resolveInputs(inputs) } };
}

/**
 * What an update would do. A change of scope is a replacement (`requiresReplace`). Unknown inputs
 * (a preview): the changes are unknown, and only a known change of scope replaces. Otherwise GitHub
 * is read and the core's diff decides: drift, renewal (the `expiresAt` GitHub reports against its
 * own clock) and changed inputs are changes. The reasons are reported as lines.
 */
export async function diff(
  kind: ResourceKind,
  id: string,
  olds: Props,
  news: Props,
  options: OperationOptions = {},
): Promise<pulumi.dynamic.DiffResult> {
  const contract = anyKindContract(kind);
  const stored = fromState(kind, stateFromOutputs(kind, id, olds) as never);
  const oldInputs = stored.inputs as Record<string, unknown>;
  const inputs = declaredInputs(news);
  const replacement = (replaces: string[]) => ({
    replaces,
    ...(replaces.length > 0 && DELETE_BEFORE_REPLACE[kind] ? { deleteBeforeReplace: true } : {}),
  });

  if (hasUnknowns(inputs)) {
    // A scope attribute whose new value is unknown may or may not change: not a known replacement.
    const unknown = (name: string) => hasUnknowns({ [name]: inputs[name] });
    const replaces = contract
      .requiresReplace(oldInputs as never, inputs as never)
      .filter((name) => !unknown(name));
    // No `changes`: the provider server answers DIFF_UNKNOWN, and the engine compares the inputs.
    return replacement(replaces);
  }

  const resolved = contract.resolveInputs(inputs) as Record<string, unknown>;
  const replaces = requiresReplace(kind, oldInputs as never, resolved as never);
  if (replaces.length > 0) return { changes: true, ...replacement(replaces) };

  const client = (options.connect ?? connect)();
  const change = await planChange(client, kind, resolved, stored.previous, 'diff', `${kind} ${id}`);
  for (const line of changeLines(change)) (options.report ?? reportToStdout)(line);
  return {
    changes: change.action !== 'none' || !sameInputs(oldInputs, resolved),
    replaces: [],
  };
}

/**
 * Creates the resource, or adopts it when GitHub already has it as declared (no write): the way
 * to bring an existing limit under Pulumi (Pulumi's `import` option does not work for dynamic
 * resources: pulumi/pulumi#3550, #16175).
 */
export async function create(
  kind: ResourceKind,
  props: Props,
  options: OperationOptions = {},
): Promise<pulumi.dynamic.CreateResult> {
  const inputs = anyKindContract(kind).resolveInputs(declaredInputs(props)) as Record<
    string,
    unknown
  >;
  const client = (options.connect ?? connect)();
  const change = await planChange(
    client,
    kind,
    inputs,
    undefined,
    'create',
    describe(kind, inputs),
  );
  const observed = await applyOrThrow(client, change, 'create', options);
  const state = toState(kind, inputs, change.target as never, observed);
  return { id: state.id, outs: outputsFromState(state) };
}

/**
 * A refresh: the state as GitHub has it now and the declared inputs (the core's `refresh`), or no
 * id when the resource is gone, so the next update creates it again. A declaration that wants
 * nothing at the scope now (a one-off limit that lapsed, `until` passed, a cap declared off where
 * GitHub offers none) keeps its state: the core's `refresh` does not call it gone.
 *
 * Without a stored state (`get` by id), the id alone says what to read (`importResource`).
 */
export async function read(
  kind: ResourceKind,
  id: string,
  props: Props | undefined,
  options: OperationOptions = {},
): Promise<pulumi.dynamic.ReadResult> {
  const client = (options.connect ?? connect)();
  try {
    if (!holdsState(kind, props)) {
      const imported = await importResource(client, kind, id);
      if (!imported) return {};
      return {
        id: imported.state.id,
        props: outputsFromState(imported.state),
        inputs: { ...imported.inputs },
      };
    }
    const state = stateFromOutputs(kind, id, props);
    const refreshed = await refresh(client, kind, state as never);
    if (!refreshed) return {};
    return {
      id: refreshed.state.id,
      props: outputsFromState(refreshed.state),
      inputs: { ...fromState(kind, refreshed.state as never).inputs },
    };
  } catch (error) {
    throw operationError('read', `${kind} ${id}`, error);
  }
}

/** Applies the change the new inputs ask for (none when only a setting of ours changed). */
export async function update(
  kind: ResourceKind,
  id: string,
  olds: Props,
  news: Props,
  options: OperationOptions = {},
): Promise<pulumi.dynamic.UpdateResult> {
  const { previous } = fromState(kind, stateFromOutputs(kind, id, olds) as never);
  const inputs = anyKindContract(kind).resolveInputs(declaredInputs(news)) as Record<
    string,
    unknown
  >;
  const client = (options.connect ?? connect)();
  const change = await planChange(client, kind, inputs, previous, 'update', `${kind} ${id}`);
  const observed = await applyOrThrow(client, change, 'update', options);
  return { outs: outputsFromState(toState(kind, inputs, change.target as never, observed)) };
}

/**
 * Makes the resource absent: no limit, an empty bypass list, a disabled cap. The id says what;
 * nothing there already (expired, removed, overwritten by an owner's limit) is a success.
 */
export async function remove(
  kind: ResourceKind,
  id: string,
  _props: Props,
  options: OperationOptions = {},
): Promise<void> {
  const client = (options.connect ?? connect)();
  let change: Change;
  try {
    const target = anyKindContract(kind).parseId(id) as ResourceTarget;
    change = diffResource(absentDesired(target) as DesiredResource, await observe(client, target), {
      now: client.now(),
    });
  } catch (error) {
    throw operationError('delete', `${kind} ${id}`, error);
  }
  await applyOrThrow(client, change, 'delete', options);
}

/** `InteractionLimit repo/acme/api`, for messages about inputs not applied yet. */
function describe(kind: ResourceKind, inputs: Readonly<Record<string, unknown>>): string {
  const contract = anyKindContract(kind);
  const target = contract.targetFromInputs(inputs);
  const scope = (target as { scope?: { type?: string; login?: string } }).scope;
  // The user scope has no id until the token's login is known.
  if (scope?.type === 'user' && scope.login === undefined) return `${kind} user`;
  return `${kind} ${contract.id(target)}`;
}

/** Desired (user scope resolved) against GitHub now, judged by GitHub's clock. */
async function planChange(
  client: GitHubClient,
  kind: ResourceKind,
  inputs: Readonly<Record<string, unknown>>,
  previous: PreviousApplied | undefined,
  verb: string,
  what: string,
): Promise<Change> {
  try {
    const extra = previous ? { previous } : {};
    const desired = await resolveDesired(client, desiredFromInputs(kind, inputs, extra));
    const observed = await observe(client, targetOfDesired(desired as DesiredResource));
    return diffResource(desired as DesiredResource, observed, { ...extra, now: client.now() });
  } catch (error) {
    throw operationError(verb, what, error);
  }
}

/**
 * Runs the change's writes (none for `none`) and returns what GitHub reports afterwards. A change
 * GitHub would refuse, or did refuse, throws with what to do.
 */
async function applyOrThrow(
  client: GitHubClient,
  change: Change,
  verb: string,
  options: OperationOptions,
): Promise<ObservedState> {
  const report = options.report ?? reportToStdout;
  for (const line of [...change.warnings, ...change.notes]) {
    report(`gh-interactions: ${change.id}: ${line}`);
  }
  if (change.action === 'blocked') throw new ProviderOperationError(blockedMessage(change, verb));
  const result = await applyChange(client, change);
  if (result.outcome === 'failed' || result.outcome === 'blocked') {
    if (result.error?.cause instanceof ShadowedLimitError && result.observedAfter !== undefined) {
      // The owner's limit came into force after the diff: say whose it is and until when.
      const again = diffResource(
        change.desired as DesiredResource,
        { kind: change.kind, observed: result.observedAfter } as ObservedState,
        { now: client.now() },
      );
      if (again.action === 'blocked') throw new ProviderOperationError(blockedMessage(again, verb));
    }
    throw new ProviderOperationError(failedMessage(change, result, verb));
  }
  if (result.observedAfter !== undefined) {
    return { kind: change.kind, observed: result.observedAfter } as ObservedState;
  }
  return observe(client, change.target);
}
