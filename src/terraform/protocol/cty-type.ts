/**
 * The cty type system as Terraform sends it over the plugin protocol: a small model, the JSON
 * encoding that `Schema.Attribute.type` (and function parameters, identity attributes, dynamic
 * values) carry as bytes, and helpers to compare and describe types.
 *
 * JSON forms, from hashicorp/terraform docs/plugin-protocol/object-wire-format.md and
 * zclconf/go-cty's type JSON: `"string"`, `"number"`, `"bool"`, `"dynamic"`, `["list",T]`,
 * `["set",T]`, `["map",T]`, `["object",{"name":T,...}]` (a third element lists optional
 * attributes, in type constraints only), `["tuple",[T,...]]`.
 */

export type CtyPrimitiveType = 'string' | 'number' | 'bool';

export interface CtyCollectionType {
  readonly kind: 'list' | 'set' | 'map';
  readonly element: CtyType;
}

export interface CtyObjectType {
  readonly kind: 'object';
  readonly attributes: Readonly<Record<string, CtyType>>;
  /** Attributes a type constraint marks optional (never set in schema attribute types). */
  readonly optional?: readonly string[];
}

export interface CtyTupleType {
  readonly kind: 'tuple';
  readonly elements: readonly CtyType[];
}

/** `dynamic` is cty's DynamicPseudoType: the concrete type travels with the value. */
export type CtyType =
  CtyPrimitiveType | 'dynamic' | CtyCollectionType | CtyObjectType | CtyTupleType;

/** Type constructors: `cty.list(cty.string)`, `cty.object({ id: cty.string })`. */
export const cty = {
  string: 'string',
  number: 'number',
  bool: 'bool',
  dynamic: 'dynamic',
  list: (element: CtyType): CtyCollectionType => ({ kind: 'list', element }),
  set: (element: CtyType): CtyCollectionType => ({ kind: 'set', element }),
  map: (element: CtyType): CtyCollectionType => ({ kind: 'map', element }),
  object: (
    attributes: Readonly<Record<string, CtyType>>,
    optional?: readonly string[],
  ): CtyObjectType =>
    optional && optional.length > 0
      ? { kind: 'object', attributes, optional }
      : { kind: 'object', attributes },
  tuple: (elements: readonly CtyType[]): CtyTupleType => ({ kind: 'tuple', elements }),
} as const;

/** A type JSON that is not one of the forms above. */
export class CtyTypeError extends Error {
  override readonly name = 'CtyTypeError';
}

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'number', 'bool', 'dynamic']);

/** The JSON value of a type (object attributes sorted by name, as go-cty writes them). */
export function ctyTypeToJSON(type: CtyType): unknown {
  if (typeof type === 'string') return type;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return [type.kind, ctyTypeToJSON(type.element)];
    case 'tuple':
      return ['tuple', type.elements.map(ctyTypeToJSON)];
    case 'object': {
      const attributes: Record<string, unknown> = {};
      for (const name of Object.keys(type.attributes).sort()) {
        attributes[name] = ctyTypeToJSON(type.attributes[name]!);
      }
      return type.optional && type.optional.length > 0
        ? ['object', attributes, [...type.optional].sort()]
        : ['object', attributes];
    }
  }
}

/** The bytes of `Schema.Attribute.type` and the other `bytes type` fields. */
export function encodeCtyType(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(ctyTypeToJSON(type)), 'utf8');
}

/** Reads a type from its JSON bytes or text, as found in protocol messages. */
export function decodeCtyType(encoded: Uint8Array | string): CtyType {
  const text = typeof encoded === 'string' ? encoded : Buffer.from(encoded).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CtyTypeError(
      `Invalid cty type JSON ${JSON.stringify(text)}: expected "string", "number", "bool", "dynamic" or a [kind, argument] array`,
    );
  }
  return ctyTypeFromJSON(json);
}

/** Reads a type from its parsed JSON value. Throws CtyTypeError naming the offending part. */
export function ctyTypeFromJSON(json: unknown): CtyType {
  return typeFromJSON(json, '');
}

function typeFromJSON(json: unknown, where: string): CtyType {
  if (typeof json === 'string') {
    if (PRIMITIVES.has(json)) return json as CtyType;
    throw new CtyTypeError(`Unknown cty type ${JSON.stringify(json)}${at(where)}`);
  }
  if (!Array.isArray(json) || json.length < 2 || typeof json[0] !== 'string') {
    throw new CtyTypeError(
      `Invalid cty type ${JSON.stringify(json)}${at(where)}: expected a primitive name or a [kind, argument] array`,
    );
  }
  const [kind, argument, optional] = json as [string, unknown, unknown];
  switch (kind) {
    case 'list':
    case 'set':
    case 'map':
      return { kind, element: typeFromJSON(argument, `${where}${kind}(…)`) };
    case 'tuple':
      if (!Array.isArray(argument)) {
        throw new CtyTypeError(
          `Invalid tuple type${at(where)}: expected an array of element types`,
        );
      }
      return cty.tuple(argument.map((t, i) => typeFromJSON(t, `${where}tuple[${i}]`)));
    case 'object': {
      if (argument === null || typeof argument !== 'object' || Array.isArray(argument)) {
        throw new CtyTypeError(
          `Invalid object type${at(where)}: expected an object of attribute types`,
        );
      }
      const attributes: Record<string, CtyType> = {};
      for (const [name, t] of Object.entries(argument)) {
        attributes[name] = typeFromJSON(t, `${where}.${name}`);
      }
      if (optional !== undefined) {
        if (!Array.isArray(optional) || !optional.every((n) => typeof n === 'string')) {
          throw new CtyTypeError(
            `Invalid object type${at(where)}: expected optional attributes as an array of names`,
          );
        }
        return cty.object(attributes, optional as string[]);
      }
      return cty.object(attributes);
    }
    default:
      throw new CtyTypeError(`Unknown cty type kind ${JSON.stringify(kind)}${at(where)}`);
  }
}

function at(where: string): string {
  return where === '' ? '' : ` at ${where}`;
}

/** Structural equality (attribute order does not matter). */
export function ctyTypeEquals(a: CtyType, b: CtyType): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list':
    case 'set':
    case 'map':
      return ctyTypeEquals(a.element, (b as CtyCollectionType).element);
    case 'tuple': {
      const other = b as CtyTupleType;
      return (
        a.elements.length === other.elements.length &&
        a.elements.every((t, i) => ctyTypeEquals(t, other.elements[i]!))
      );
    }
    case 'object': {
      const other = b as CtyObjectType;
      const names = Object.keys(a.attributes);
      const optionalA = [...(a.optional ?? [])].sort().join('\0');
      const optionalB = [...(other.optional ?? [])].sort().join('\0');
      return (
        names.length === Object.keys(other.attributes).length &&
        optionalA === optionalB &&
        names.every(
          (name) =>
            other.attributes[name] !== undefined &&
            ctyTypeEquals(a.attributes[name]!, other.attributes[name]!),
        )
      );
    }
  }
}

/** Terraform's own spelling of a type, for messages: `list(string)`, `object({id=string})`. */
export function describeCtyType(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind}(${describeCtyType(type.element)})`;
    case 'tuple':
      return `tuple([${type.elements.map(describeCtyType).join(', ')}])`;
    case 'object':
      return `object({${Object.keys(type.attributes)
        .sort()
        .map((name) => `${name}=${describeCtyType(type.attributes[name]!)}`)
        .join(', ')}})`;
  }
}
