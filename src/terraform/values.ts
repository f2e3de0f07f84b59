import { UNKNOWN } from '../core';
import type { CtyValue } from './protocol';
import { isUnknown, unknown } from './protocol';
import type { TerraformAttribute, TerraformType } from './schema';

/**
 * Values between Terraform and the core. Terraform's objects carry every attribute, snake_case,
 * null when unset and unknown when not known yet; the core takes camelCase inputs where unset
 * means absent and not known yet is its UNKNOWN marker.
 */

export type TerraformObject = { readonly [name: string]: CtyValue };

const SECONDS = /^\d+$/;

/** One Terraform value as the core takes it: undefined when null, UNKNOWN when unknown. */
function toCore(attribute: TerraformAttribute, value: CtyValue | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  if (isUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) {
    return (value as readonly CtyValue[]).map((element) =>
      isUnknown(element) ? UNKNOWN : element,
    );
  }
  // `renew_within = "86400"`: seconds, which the core takes as a number.
  if (
    attribute.coreType === 'string_or_number' &&
    typeof value === 'string' &&
    SECONDS.test(value)
  ) {
    return Number(value);
  }
  return value;
}

/** One core value as Terraform stores it: null when absent. */
function toTerraform(attribute: TerraformAttribute, value: unknown): CtyValue {
  if (value === undefined || value === null) return null;
  if (attribute.coreType === 'string_or_number' && typeof value === 'number') return String(value);
  // The core's `user` also takes a login; Terraform's is a bool, and a login there means true.
  if (attribute.coreType === 'boolean' && typeof value === 'string') return true;
  if (Array.isArray(value)) return [...(value as CtyValue[])];
  return value as CtyValue;
}

/** The declared inputs of a config or planned value, as the core takes them. */
export function inputsFromTerraform(
  type: TerraformType,
  value: TerraformObject,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const attribute of type.attributes) {
    if (attribute.role !== 'input') continue;
    const converted = toCore(attribute, value[attribute.name]);
    if (converted !== undefined) inputs[attribute.coreName] = converted;
  }
  return inputs;
}

/** A stored Terraform state as the core's state of the kind: inputs, computed outputs, id. */
export function coreStateFromTerraform(
  type: TerraformType,
  value: TerraformObject,
): Record<string, unknown> & { id: string } {
  const state: Record<string, unknown> = {};
  for (const attribute of type.attributes) {
    const converted = toCore(attribute, value[attribute.name]);
    if (attribute.role === 'input') {
      if (converted !== undefined) state[attribute.coreName] = converted;
    } else {
      state[attribute.coreName] = converted ?? null;
    }
  }
  if (typeof state.id !== 'string' || state.id === '') {
    throw new TypeError(`The stored ${type.typeName} has no id; import it again by its id`);
  }
  return state as Record<string, unknown> & { id: string };
}

export interface TerraformValueOptions {
  /**
   * The values as Terraform has them (config, plan or prior state): input attributes set there
   * are kept exactly as written (`user = false`, `repository = "ACME/api"`), because Terraform
   * requires a provider to return them unchanged. Unset ones take the core's value (a default).
   */
  readonly declared?: TerraformObject;
  /** Mark the computed attributes (not the id) unknown: GitHub will tell after the apply. */
  readonly computedUnknown?: boolean;
  /** The id, when it is known otherwise (or unknown). */
  readonly id?: string | typeof unknown;
}

/** A Terraform object from a core state (or resolved inputs) of the type's kind. */
export function terraformFromCore(
  type: TerraformType,
  coreValue: object,
  options: TerraformValueOptions = {},
): Record<string, CtyValue> {
  const core = coreValue as Readonly<Record<string, unknown>>;
  const result: Record<string, CtyValue> = {};
  for (const attribute of type.attributes) {
    const declared = options.declared?.[attribute.name];
    if (attribute.role === 'input' && declared !== null && declared !== undefined) {
      result[attribute.name] = declared;
    } else if (attribute.role === 'id') {
      result[attribute.name] = options.id ?? toTerraform(attribute, core.id);
    } else if (attribute.role === 'computed' && options.computedUnknown) {
      result[attribute.name] = unknown;
    } else {
      result[attribute.name] = toTerraform(attribute, core[attribute.coreName]);
    }
  }
  return result;
}

/**
 * The planned value while some inputs are not known: as configured, with each default the
 * core defines as one value, and unknown for what depends on unknown values (a default that
 * depends on other inputs, such as `renew_within`) or on GitHub (computed attributes).
 */
export function plannedWithUnknowns(
  type: TerraformType,
  config: TerraformObject,
  defaults: Readonly<Record<string, unknown>>,
  id: string | typeof unknown,
): Record<string, CtyValue> {
  const result: Record<string, CtyValue> = {};
  for (const attribute of type.attributes) {
    const configured = config[attribute.name];
    if (attribute.role === 'id') {
      result[attribute.name] = id;
    } else if (attribute.role === 'computed') {
      result[attribute.name] = unknown;
    } else if (configured !== null && configured !== undefined) {
      result[attribute.name] = configured;
    } else if (attribute.hasDefault) {
      const value = defaults[attribute.coreName];
      result[attribute.name] = value === undefined ? unknown : toTerraform(attribute, value);
    } else {
      result[attribute.name] = null;
    }
  }
  return result;
}

/** Whether two Terraform objects hold the same values for the declared inputs. */
export function sameInputs(type: TerraformType, a: TerraformObject, b: TerraformObject): boolean {
  return type.attributes
    .filter((attribute) => attribute.role === 'input')
    .every((attribute) => sameValue(a[attribute.name], b[attribute.name]));
}

function sameValue(a: CtyValue | undefined, b: CtyValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((element, i) => sameValue(element, b[i]));
  }
  return (a ?? null) === (b ?? null);
}

/** Attributes whose value is unknown (not elements: an unknown login does not change the scope). */
export function unknownAttributes(type: TerraformType, value: TerraformObject): string[] {
  return type.attributes.filter((a) => isUnknown(value[a.name] ?? null)).map((a) => a.name);
}
