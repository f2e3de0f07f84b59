import { z } from 'zod';
import type { ValidationIssue } from './errors';
import { issue } from './errors';
import { isUnknown } from './unknown';

/**
 * A neutral description of one attribute of a resource kind: what the Terraform provider schema,
 * the CDKTF props and the Pulumi args are generated from (and checked against in tests). Names are
 * camelCase; a front door that wants snake_case converts them (`snakeCase`).
 */
export interface AttributeDescription {
  readonly name: string;
  readonly type: AttributeType;
  /**
   * `required` and `optional` are inputs; `computed` is an output only GitHub knows.
   * An optional input with a default is also computed for Terraform (`optional + computed`).
   */
  readonly presence: 'required' | 'optional' | 'computed';
  readonly sensitive: boolean;
  /** One sentence or more, for docs and editor hovers. */
  readonly description: string;
  /** The values allowed, when they are a closed list. */
  readonly allowedValues?: readonly (string | number | boolean)[];
  /** Inclusive bounds of a number. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** The default, when it is one value. */
  readonly default?: string | number | boolean | readonly string[];
  /** The default in words, when it depends on other attributes (`renewWithin`). */
  readonly defaultDescription?: string;
  /** Changing the value replaces the resource (it names a different GitHub object). */
  readonly requiresReplace: boolean;
  /** Names of the attributes of which exactly one must be set (the scope), this one included. */
  readonly exactlyOneOf?: readonly string[];
}

export type AttributeType = 'string' | 'number' | 'boolean' | 'string_list' | 'string_or_number';

/**
 * One attribute as defined once: its zod schema (for values that are known) and what is said of it.
 * `schema` checks a single value; cross-attribute rules live in the kind's validate.
 */
export interface FieldDefinition {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly type: AttributeType;
  readonly presence: AttributeDescription['presence'];
  readonly description: string;
  /** What is allowed, in words, for error messages: `one of one_day, …`. */
  readonly expected: string;
  readonly sensitive?: boolean;
  readonly allowedValues?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: AttributeDescription['default'];
  readonly defaultDescription?: string;
  readonly requiresReplace?: boolean;
  readonly exactlyOneOf?: readonly string[];
  /**
   * Checks a known value and pushes issues (element paths such as `users[3]`); by default the
   * value is parsed with `schema` and one issue names `expected`.
   */
  readonly check?: (path: string, value: unknown, issues: ValidationIssue[]) => void;
}

export function describeAttributes(fields: readonly FieldDefinition[]): AttributeDescription[] {
  return fields.map((field) => ({
    name: field.name,
    type: field.type,
    presence: field.presence,
    sensitive: field.sensitive ?? false,
    description: field.description,
    ...(field.allowedValues ? { allowedValues: field.allowedValues } : {}),
    ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
    ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
    ...(field.defaultDescription ? { defaultDescription: field.defaultDescription } : {}),
    requiresReplace: field.requiresReplace ?? false,
    ...(field.exactlyOneOf ? { exactlyOneOf: field.exactlyOneOf } : {}),
  }));
}

/**
 * The zod object of a kind's inputs, all values known: required fields required, optional ones
 * optional, computed ones left out. Each field carries its description and default as metadata, so
 * `z.toJSONSchema` of it documents itself.
 */
export function inputsObjectSchema(fields: readonly FieldDefinition[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    if (field.presence === 'computed') continue;
    const described = field.schema.meta({
      description: field.description,
      ...(field.default !== undefined ? { default: field.default } : {}),
    });
    shape[field.name] = field.presence === 'required' ? described : described.optional();
  }
  return z.strictObject(shape);
}

/**
 * Checks each known input against its field: unknown values (and unknown list elements) are
 * skipped, a missing required value is reported only when it is not unknown, and names no field
 * defines are rejected so a typo is not silently ignored.
 */
export function checkFields(
  fields: readonly FieldDefinition[],
  inputs: Readonly<Record<string, unknown>>,
  issues: ValidationIssue[],
): void {
  const inputNames = fields.filter((f) => f.presence !== 'computed').map((f) => f.name);
  for (const key of Object.keys(inputs)) {
    if (!inputNames.includes(key)) {
      issues.push({
        path: key,
        value: inputs[key],
        expected: `one of the options ${inputNames.join(', ')}`,
        message: `[${key}] is not a known option; expected one of ${inputNames.join(', ')}`,
      });
    }
  }
  for (const field of fields) {
    if (field.presence === 'computed' || field.exactlyOneOf) continue;
    checkField(field, inputs[field.name], issues);
  }
}

/** One field's known value (or nothing for an unknown one). */
export function checkField(
  field: FieldDefinition,
  value: unknown,
  issues: ValidationIssue[],
  path: string = field.name,
): void {
  if (isUnknown(value)) return;
  if (value === undefined) {
    if (field.presence === 'required') issues.push(issue(path, value, field.expected));
    return;
  }
  if (field.check) {
    field.check(path, value, issues);
    return;
  }
  if (!field.schema.safeParse(value).success) issues.push(issue(path, value, field.expected));
}

/** `maxOpenPullRequests` → `max_open_pull_requests`, for front doors that name things so. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The attributes that need a new resource when they change (`requiresReplace`), compared as GitHub
 * compares names: without regard to letter case.
 */
export function replacedAttributes(
  fields: readonly FieldDefinition[],
  before: object,
  after: object,
): string[] {
  const key = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
  return fields
    .filter((field) => field.requiresReplace)
    .map((field) => field.name)
    .filter(
      (name) =>
        key((before as Record<string, unknown>)[name]) !==
        key((after as Record<string, unknown>)[name]),
    );
}
