import type { ResourceKind } from '../../core';
import { UNKNOWN, anyKindContract } from '../../core';

type Props = Readonly<Record<string, unknown>>;

/**
 * Pulumi's marker for a value not known yet (a preview, an input from another resource's
 * output): what the provider server hands the provider in place of the value.
 * `unknownValue` in @pulumi/pulumi/runtime/rpc.
 */
export const PULUMI_UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** The property Pulumi keeps the serialized provider in, next to a dynamic resource's inputs. */
export const PROVIDER_KEY = '__provider';

/**
 * The declared inputs in a property bag from the provider server: without `__provider` and
 * nulls (an input left out), with Pulumi's unknowns (whole values or list elements) as the core's
 * UNKNOWN, so `validateInputs` defers them.
 */
export function declaredInputs(props: Props | undefined): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props ?? {})) {
    if (name === PROVIDER_KEY || value === null || value === undefined) continue;
    inputs[name] = Array.isArray(value) ? value.map(fromPulumiValue) : fromPulumiValue(value);
  }
  return inputs;
}

function fromPulumiValue(value: unknown): unknown {
  return value === PULUMI_UNKNOWN ? UNKNOWN : value;
}

/** The property bag without `__provider` (the server puts it back into what check returns). */
export function withoutProvider(props: Props | undefined): Record<string, unknown> {
  const { [PROVIDER_KEY]: _provider, ...rest } = props ?? {};
  return rest;
}

/**
 * A stored state from a resource's outputs: the kind's attributes (inputs and computed ones, so a
 * property this version does not know is left out rather than refused), and the id Pulumi keeps
 * apart from the outputs.
 */
export function stateFromOutputs(
  kind: ResourceKind,
  id: string,
  outputs: Props | undefined,
): Record<string, unknown> & { id: string } {
  const names = new Set(anyKindContract(kind).attributes.map((a) => a.name));
  const state: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(outputs ?? {})) {
    if (names.has(name) && value !== undefined) state[name] = value;
  }
  return { ...state, id };
}

/**
 * Whether outputs hold a state this provider stored (a refresh), rather than only the arguments
 * of a `get` by id: every computed attribute `toState` writes is there (null counts).
 */
export function holdsState(kind: ResourceKind, outputs: Props | undefined): boolean {
  const computed = anyKindContract(kind).attributes.filter((a) => a.presence === 'computed');
  return computed.every((a) => outputs !== undefined && a.name in outputs);
}

/**
 * A state as Pulumi outputs: without `id` (Pulumi keeps the resource id itself, and `id` is not a
 * property name a resource may have) and without undefined values (Pulumi's Struct cannot carry
 * them, and a program should never see one).
 */
export function outputsFromState(state: object): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(state)) {
    if (name === 'id' || value === undefined) continue;
    outputs[name] = Array.isArray(value) ? [...value] : value;
  }
  return outputs;
}

/**
 * Inputs compared as GitHub compares them: names without regard to letter case, a bypass list as
 * a set. Different only when the stored state must change.
 */
export function sameInputs(before: object, after: object): boolean {
  return canonical(before) === canonical(after);
}

function canonical(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.toLowerCase());
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
