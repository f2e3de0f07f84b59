import type {
  Change,
  DesiredResource,
  ObservedState,
  PreviousApplied,
  ResourceKind,
  ResourceTarget,
} from '../core';
import {
  absentDesired,
  anyKindContract,
  applyChange,
  desiredFromInputs,
  diff,
  fromState,
  hasUnknowns,
  importResource,
  kindContract,
  observe,
  refresh,
  requiresReplace,
  resolveDesiredResources,
  targetOfDesired,
  toState,
} from '../core';
import type { GitHubClient } from '../github';
import { NotFoundError } from '../github';
import { changeDiagnostics, errorDiagnostics, issueDiagnostics, scopePath } from './diagnostics';
import { kindTitle } from './names';
import type { Observation } from './observation';
import { decodeObservation, encodeObservation } from './observation';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  AttributePath,
  CtyValue,
  Diagnostic,
  DynamicValue,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
} from './protocol';
import {
  attributePath,
  errorDiagnostic,
  fromDynamicValue,
  fromRawState,
  toDynamicValue,
  unknown,
  warningDiagnostic,
} from './protocol';
import type { ServerClock } from './clock';
import type { TerraformType } from './schema';
import type { TerraformObject } from './values';
import {
  coreStateFromTerraform,
  inputsFromTerraform,
  plannedWithUnknowns,
  sameInputs,
  terraformFromCore,
  unknownAttributes,
} from './values';

/**
 * The resource handlers: each is a thin adapter from Terraform's messages to the core's adapter
 * API (docs/core.md, "The adapter API"), over one GitHub client.
 *
 * - ReadResource: the core's `refresh`; the state keeps the declared inputs, the computed
 *   attributes follow GitHub, and what GitHub reported goes into private data for the plan.
 * - PlanResourceChange: the core's `diff` of the configuration against that observation, with
 *   `previous` from the state. Any change the core plans is an update whose computed attributes
 *   are unknown, so `terraform plan` shows `~ update in-place`, with the reasons of the drift as
 *   warnings; a blocked change (a shadowed repository) is a warning with the core's remedy.
 * - ApplyResourceChange: diff again against GitHub now, `applyChange`, store what it read back;
 *   a blocked change is an error with the core's remedy, and the resource stays as it was.
 * - ImportResourceState: the core's `importResource` by the ids of DESIGN.md.
 */

export interface Connection {
  readonly client: GitHubClient;
  readonly clock: ServerClock;
}

export interface HandlerContext {
  /** The configured client and GitHub's clock; throws a DiagnosticsError when there is none. */
  readonly connection: () => Connection;
  /** Aborted when Terraform asks the provider to stop. */
  readonly signal: AbortSignal;
}

type Inputs = Record<string, unknown>;

function read(type: TerraformType, value: DynamicValue | null): TerraformObject | null {
  return fromDynamicValue(value, type.valueType) as TerraformObject | null;
}

function write(type: TerraformType, value: TerraformObject | null): DynamicValue {
  return toDynamicValue(value as CtyValue, type.valueType);
}

function describe(type: TerraformType, id: string | undefined): string {
  return `${kindTitle(type.kind)}${id ? ` ${id}` : ''}`;
}

function stringId(value: TerraformObject | null): string | undefined {
  return typeof value?.id === 'string' ? value.id : undefined;
}

/** The static defaults of a kind's attributes (not those that depend on other inputs). */
function staticDefaults(kind: ResourceKind): Inputs {
  return Object.fromEntries(
    kindContract(kind)
      .attributes.filter((a) => a.default !== undefined)
      .map((a) => [a.name, a.default]),
  );
}

function paths(names: readonly string[]): AttributePath[] {
  return names.map((name) => attributePath(name));
}

/** The declared inputs and what was last applied, from a stored Terraform state. */
function recorded(
  type: TerraformType,
  state: TerraformObject,
): { inputs: Inputs; previous?: PreviousApplied } {
  const stored = fromState(type.kind, coreStateFromTerraform(type, state) as never);
  return {
    inputs: stored.inputs as Inputs,
    ...(stored.previous ? { previous: stored.previous } : {}),
  };
}

/** The declared resource of inputs; what was last applied goes to `diff` separately. */
function desiredOf(kind: ResourceKind, inputs: Inputs): DesiredResource {
  return desiredFromInputs(kind, inputs) as DesiredResource;
}

/** Whether a blocked change is only blocked by the very resource a replacement destroys first. */
function blockedByReplaced(change: Change, replacedId: string | undefined): boolean {
  if (change.action !== 'blocked' || replacedId === undefined) return false;
  return change.reasons.every(
    (r) => r.type === 'shadowed' && r.owner.toLowerCase() === replacedId.toLowerCase(),
  );
}

export async function validateResourceConfig(
  type: TerraformType,
  config: DynamicValue | null,
): Promise<Diagnostic[]> {
  const value = read(type, config);
  if (value === null) return [];
  const issues = kindContract(type.kind).validateInputs(inputsFromTerraform(type, value));
  return issueDiagnostics(issues, value);
}

export async function upgradeResourceState(
  type: TerraformType,
  request: UpgradeResourceStateRequest,
): Promise<UpgradeResourceStateResponse> {
  // One schema version so far: the stored JSON is read with today's type (attributes it lacks
  // are null, attributes since removed are dropped) and returned as msgpack.
  const state = fromRawState(request.raw_state, type.valueType);
  return { upgraded_state: toDynamicValue(state, type.valueType) };
}

export async function readResource(
  type: TerraformType,
  request: ReadResourceRequest,
  context: HandlerContext,
): Promise<ReadResourceResponse> {
  const current = read(type, request.current_state);
  if (current === null) return { new_state: write(type, null) };
  const id = stringId(current);
  const what = describe(type, id);
  try {
    const { client, clock } = context.connection();
    const contract = anyKindContract(type.kind);
    const state = coreStateFromTerraform(type, current);
    const refreshed = await refresh(client, type.kind, state as never);
    let observation: Observation;
    let refreshedState: object;
    if (refreshed) {
      observation = {
        observed: { kind: type.kind, observed: refreshed.change.before } as ObservedState,
      };
      refreshedState = refreshed.state;
    } else {
      // The core's refresh says "gone" when nothing is in force at the scope (a limit that
      // expired or was removed). For Terraform the declared limit is still there to keep in
      // force: the state stays, its computed attributes say there is none, and the plan
      // renews it with what was last applied ("expired at …"), or leaves a one-off limit
      // lapsed. What was last applied survives in private data, since the state no longer
      // holds it once a refresh is saved.
      const target = contract.parseId(state.id) as ResourceTarget;
      const observed = await observe(client, target);
      const stored = fromState(type.kind, state as never);
      const previous = decodeObservation(type.kind, request.private)?.previous ?? stored.previous;
      observation = { observed, ...(previous ? { previous } : {}) };
      refreshedState = toState(type.kind, stored.inputs as Inputs, target as never, observed);
    }
    const clockOffsetMs = clock.offsetMs();
    return {
      new_state: write(
        type,
        terraformFromCore(type, refreshedState, { declared: current, id: state.id }),
      ),
      private: encodeObservation({
        ...observation,
        ...(clockOffsetMs !== undefined ? { clockOffsetMs } : {}),
      }),
    };
  } catch (error) {
    if (error instanceof NotFoundError) {
      // The organization, repository or user is gone (or out of the token's sight): Terraform
      // drops the resource from its state and plans to create it again.
      return {
        new_state: write(type, null),
        diagnostics: [
          warningDiagnostic(
            `${what} is gone: removed from the Terraform state`,
            `${error.message} The next apply creates it again if it is still declared.`,
          ),
        ],
      };
    }
    return { diagnostics: errorDiagnostics(error, what, { path: scopePath(type, current) }) };
  }
}

export async function planResourceChange(
  type: TerraformType,
  request: PlanResourceChangeRequest,
  context: HandlerContext,
): Promise<PlanResourceChangeResponse> {
  const prior = read(type, request.prior_state);
  const proposed = read(type, request.proposed_new_state);
  // Destroy: nothing to plan; absence is the goal, whatever GitHub has.
  if (proposed === null) return { planned_state: write(type, null) };
  const config = read(type, request.config) ?? proposed;
  const what = describe(type, stringId(prior));
  const path = scopePath(type, config);
  try {
    const inputs = inputsFromTerraform(type, config);
    const issues = kindContract(type.kind).validateInputs(inputs);
    if (issues.length > 0) return { diagnostics: issueDiagnostics(issues, config) };
    if (hasUnknowns(inputs)) return planWithUnknowns(type, prior, config);
    return await planKnown(type, request, context, { prior, config, inputs });
  } catch (error) {
    return { diagnostics: errorDiagnostics(error, what, { config, ...(path ? { path } : {}) }) };
  }
}

/**
 * Values known only after another resource is applied: plan what is known (defaults that are
 * one value included), the rest unknown. A scope attribute that is unknown may name another
 * object, so it is planned as a replacement.
 */
function planWithUnknowns(
  type: TerraformType,
  prior: TerraformObject | null,
  config: TerraformObject,
): PlanResourceChangeResponse {
  const unknownNames = unknownAttributes(type, config);
  const replaced = prior
    ? type.attributes
        .filter((a) => a.requiresReplace)
        .map((a) => a.name)
        .filter((name) => unknownNames.includes(name) || !sameScope(prior[name], config[name]))
    : [];
  const priorId = stringId(prior);
  const id = priorId !== undefined && replaced.length === 0 ? priorId : unknown;
  return {
    planned_state: write(type, plannedWithUnknowns(type, config, staticDefaults(type.kind), id)),
    ...(replaced.length > 0 ? { requires_replace: paths(replaced) } : {}),
  };
}

/** Every input known: the core's diff against what GitHub has. */
async function planKnown(
  type: TerraformType,
  request: PlanResourceChangeRequest,
  context: HandlerContext,
  values: { prior: TerraformObject | null; config: TerraformObject; inputs: Inputs },
): Promise<PlanResourceChangeResponse> {
  const { prior, config } = values;
  const contract = anyKindContract(type.kind);
  const { client, clock } = context.connection();
  const resolved = contract.resolveInputs(values.inputs) as Inputs;
  const priorId = stringId(prior);
  const stored = prior ? recorded(type, prior) : undefined;
  const priorObservation = prior ? decodeObservation(type.kind, request.prior_private) : undefined;
  const previous = priorObservation?.previous ?? stored?.previous;

  // The configuration and the state as declared resources, resolved together (the user scope's
  // login is asked of GitHub once).
  const [desired, recordedDesired] = await resolveDesiredResources(client, [
    desiredOf(type.kind, resolved),
    ...(stored ? [desiredOf(type.kind, stored.inputs)] : []),
  ]);
  const target = targetOfDesired(desired!);
  const id = contract.id(target as never);
  // Both sides resolved, so that what the core reads as "not given" (`user = false`) compares
  // equal to leaving it out.
  let replaced = stored
    ? requiresReplace(type.kind, contract.resolveInputs(stored.inputs) as never, resolved as never)
    : [];
  if (
    replaced.length === 0 &&
    priorId !== undefined &&
    id.toLowerCase() !== priorId.toLowerCase()
  ) {
    // The same attributes now name another object: the user scope under another token's user.
    replaced = (scopePath(type, config) ?? []).map(String);
  }
  const managed = prior !== null && replaced.length === 0;

  const observed =
    (managed ? priorObservation?.observed : undefined) ?? (await observe(client, target));
  const now = clock.now(managed ? priorObservation?.clockOffsetMs : undefined);
  const diffAt = (resource: DesiredResource, withPrevious: boolean) =>
    diff(resource, observed, { now, ...(withPrevious && previous ? { previous } : {}) });
  let change = diffAt(desired!, managed);
  if (blockedByReplaced(change, replaced.length > 0 ? priorId : undefined)) {
    // Moving a limit from an owner to one of its repositories: the replacement destroys the
    // owner's limit first, which frees the repository. Planned as the create it will be.
    change = { ...change, action: 'create', reasons: [], remedy: undefined } as unknown as Change;
  }
  const path = scopePath(type, config);
  const diagnostics = changeDiagnostics(change, {
    ...(managed && recordedDesired ? { recorded: diffAt(recordedDesired, true) } : {}),
    ...(path ? { path } : {}),
  });

  // Nothing to write and nothing declared differently: no change at all. Otherwise an update
  // (or a create): what GitHub will report after the writes is known after apply.
  const unchanged =
    managed &&
    change.action === 'none' &&
    sameInputs(type, prior!, terraformFromCore(type, resolved, { declared: config }));
  const planned = unchanged
    ? prior!
    : terraformFromCore(type, resolved, {
        declared: config,
        computedUnknown: true,
        id: managed && priorId !== undefined ? priorId : id,
      });
  const clockOffsetMs = clock.offsetMs() ?? priorObservation?.clockOffsetMs;
  return {
    planned_state: write(type, planned),
    // Apply diffs against GitHub again; what was last applied travels with the plan.
    planned_private: encodeObservation({
      observed,
      ...(managed && previous ? { previous } : {}),
      ...(clockOffsetMs !== undefined ? { clockOffsetMs } : {}),
    }),
    ...(replaced.length > 0 ? { requires_replace: paths(replaced) } : {}),
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
  };
}

/** Scope values compare as GitHub compares names: without regard to letter case. */
function sameScope(a: CtyValue | undefined, b: CtyValue | undefined): boolean {
  const key = (value: CtyValue | undefined) =>
    typeof value === 'string' ? value.toLowerCase() : (value ?? null);
  return key(a) === key(b);
}

export async function applyResourceChange(
  type: TerraformType,
  request: ApplyResourceChangeRequest,
  context: HandlerContext,
): Promise<ApplyResourceChangeResponse> {
  const prior = read(type, request.prior_state);
  const planned = read(type, request.planned_state);
  const priorId = stringId(prior);
  const what = describe(type, stringId(planned) ?? priorId);
  const path = scopePath(type, planned ?? prior ?? undefined);
  // On failure the resource stays as it was: the prior state, or nothing for a create.
  const unchanged = (diagnostics: Diagnostic[]): ApplyResourceChangeResponse => ({
    new_state: write(type, prior),
    diagnostics,
  });

  try {
    const { client } = context.connection();
    const contract = anyKindContract(type.kind);
    if (context.signal.aborted) {
      return unchanged([
        errorDiagnostic(`${what}: not applied`, 'Terraform asked the provider to stop.'),
      ]);
    }

    if (planned === null) {
      // Destroy: the resource declared absent. Whatever is already gone (expired, removed,
      // overwritten by an owner's limit, the repository deleted) is a success.
      const target = contract.parseId(priorId ?? '') as ResourceTarget;
      let observed: ObservedState;
      try {
        observed = await observe(client, target);
      } catch (error) {
        if (error instanceof NotFoundError) return { new_state: write(type, null) };
        throw error;
      }
      const change = diff(absentDesired(target as never) as DesiredResource, observed, {
        now: client.now(),
      });
      const result = await applyChange(client, change);
      if (result.outcome === 'failed') {
        return unchanged([errorDiagnostic(`${what}: not destroyed`, result.message, path)]);
      }
      return { new_state: write(type, null) };
    }

    const resolved = contract.resolveInputs(inputsFromTerraform(type, planned)) as Inputs;
    const previous = prior
      ? (decodeObservation(type.kind, request.planned_private)?.previous ??
        recorded(type, prior).previous)
      : undefined;
    const [desired] = await resolveDesiredResources(client, [desiredOf(type.kind, resolved)]);
    const target = targetOfDesired(desired!);
    const observed = await observe(client, target);
    const change = diff(desired!, observed, {
      now: client.now(),
      ...(previous ? { previous } : {}),
    });
    if (change.action === 'blocked') {
      return unchanged(changeDiagnostics(change, { phase: 'apply', ...(path ? { path } : {}) }));
    }
    const result = await applyChange(client, change);
    if (result.outcome === 'failed') {
      const detail = [
        result.message,
        ...(result.error?.permissionNeeded
          ? [`The token needs ${result.error.permissionNeeded}.`]
          : []),
      ].join('\n');
      return unchanged([errorDiagnostic(`${what}: not applied`, detail, path)]);
    }
    const after = (
      result.observedAfter !== undefined
        ? { kind: type.kind, observed: result.observedAfter }
        : await observe(client, target)
    ) as ObservedState;
    const state = toState(type.kind, resolved, target as never, after);
    const plannedId = stringId(planned);
    return {
      new_state: write(
        type,
        terraformFromCore(type, state, {
          declared: planned,
          ...(plannedId ? { id: plannedId } : {}),
        }),
      ),
      private: encodeObservation({
        observed: after,
        clockOffsetMs: client.now().getTime() - Date.now(),
      }),
    };
  } catch (error) {
    return unchanged(errorDiagnostics(error, what, path ? { path } : {}));
  }
}

export async function importResourceState(
  type: TerraformType,
  request: ImportResourceStateRequest,
  context: HandlerContext,
): Promise<ImportResourceStateResponse> {
  const what = describe(type, request.id);
  try {
    const { client } = context.connection();
    const contract = anyKindContract(type.kind);
    const imported = await importResource(client, type.kind, request.id);
    if (imported === null) {
      const forms = contract.idForms.join(', ');
      return {
        diagnostics: [
          errorDiagnostic(
            `Cannot import ${what}: GitHub has nothing there`,
            `There is nothing to import at ${request.id}: no ${contract.title} of its own is in force there ` +
              `(or GitHub does not offer it). Ids take the forms ${forms}. Declare it and run terraform apply instead.`,
          ),
        ],
      };
    }
    // `user/LOGIN` reads the token's user whatever LOGIN says: the id must name that user.
    const [resolved] = await resolveDesiredResources(client, [
      desiredOf(type.kind, imported.inputs as Inputs),
    ]);
    const id = contract.id(targetOfDesired(resolved!) as never);
    if (id.toLowerCase() !== imported.state.id.toLowerCase()) {
      return {
        diagnostics: [
          errorDiagnostic(
            `Cannot import ${what}: the token belongs to ${id}`,
            `GitHub lets a token read and set the interaction limit of its own user only; ${request.id} needs a token of that user. This token's id is ${id}.`,
          ),
        ],
      };
    }
    return {
      imported_resources: [
        {
          type_name: type.typeName,
          state: write(type, terraformFromCore(type, { ...imported.inputs, ...imported.state })),
        },
      ],
    };
  } catch (error) {
    return { diagnostics: errorDiagnostics(error, what) };
  }
}
