import {
  decode as decodeMsgpack,
  encode as encodeMsgpack,
  ExtData,
  ExtensionCodec,
} from '@msgpack/msgpack';
import type { CtyType } from './cty-type';
import {
  ctyTypeFromJSON,
  ctyTypeToJSON,
  ctyTypeEquals,
  decodeCtyType,
  describeCtyType,
} from './cty-type';
import type { CtyValue } from './cty-value';
import { CtyDynamic, CtyUnknown, unknown } from './cty-value';

/**
 * Encodes and decodes cty values for `DynamicValue.msgpack` and `DynamicValue.json` (and
 * `RawState.json`), following hashicorp/terraform docs/plugin-protocol/object-wire-format.md:
 *
 * - null is msgpack nil (JSON null); unknown is any msgpack extension (code 0 plain, 12 refined);
 *   we always write extension 0 with an empty payload.
 * - numbers arrive as msgpack int, float or decimal string; they decode to JS numbers.
 * - objects are maps holding every attribute; `dynamic` is `[type JSON bytes, value]` in msgpack
 *   and `{"type":…, "value":…}` in JSON.
 */

/** A value that does not fit its type, on either side of the wire. */
export class CtyValueError extends Error {
  override readonly name = 'CtyValueError';
  constructor(
    /** Where in the value, as `.attribute[0]["key"]`; empty for the value itself. */
    readonly path: string,
    problem: string,
  ) {
    super(`${path === '' ? 'value' : `value${path}`}: ${problem}`);
  }
}

export interface CtyDecodeOptions {
  /**
   * Drop object attributes the type does not declare instead of failing. Useful for stored
   * state (`RawState.json`), which may still hold attributes a newer schema removed.
   * @default false
   */
  readonly ignoreUndefinedAttributes?: boolean;
}

// Every extension code means "unknown" (the spec reserves the codes for future kinds of
// unknown), including -1, which @msgpack/msgpack would otherwise decode as a timestamp.
const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: -1,
  encode: () => null,
  decode: (data, type) => new ExtData(type, data),
});

const UNKNOWN_EXTENSION = new ExtData(0, new Uint8Array(0));

/** Encodes a value of the given type as `DynamicValue.msgpack` bytes. */
export function encodeCtyMsgpack(value: CtyValue, type: CtyType): Uint8Array {
  return encodeMsgpack(toWire(value, type, '', 'msgpack'), { extensionCodec });
}

/** Decodes `DynamicValue.msgpack` bytes as a value of the given type. */
export function decodeCtyMsgpack(
  bytes: Uint8Array,
  type: CtyType,
  options: CtyDecodeOptions = {},
): CtyValue {
  let raw: unknown;
  try {
    raw = decodeMsgpack(bytes, { extensionCodec });
  } catch (error) {
    throw new CtyValueError('', `not valid MessagePack (${(error as Error).message})`);
  }
  return fromWire(raw, type, '', 'msgpack', options);
}

/**
 * Encodes a known value as JSON text (Terraform answers must be msgpack; this is for stored
 * state and tests). Unknown values cannot be written in JSON and throw.
 */
export function encodeCtyJson(value: CtyValue, type: CtyType): string {
  return JSON.stringify(toWire(value, type, '', 'json'));
}

/** Decodes `DynamicValue.json` or `RawState.json` (bytes or text) as a value of the given type. */
export function decodeCtyJson(
  json: Uint8Array | string,
  type: CtyType,
  options: CtyDecodeOptions = {},
): CtyValue {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CtyValueError('', `not valid JSON (${(error as Error).message})`);
  }
  return fromWire(raw, type, '', 'json', options);
}

type Format = 'msgpack' | 'json';

function toWire(value: CtyValue | undefined, type: CtyType, path: string, format: Format): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof CtyUnknown) {
    if (format === 'json')
      throw new CtyValueError(path, 'an unknown value cannot be encoded as JSON');
    return UNKNOWN_EXTENSION;
  }
  if (type === 'dynamic') {
    const dynamic =
      value instanceof CtyDynamic ? value : new CtyDynamic(impliedType(value, path), value);
    const typeJSON = ctyTypeToJSON(dynamic.type);
    const inner = toWire(dynamic.value, dynamic.type, path, format);
    return format === 'msgpack'
      ? [Buffer.from(JSON.stringify(typeJSON), 'utf8'), inner]
      : { type: typeJSON, value: inner };
  }
  if (value instanceof CtyDynamic) {
    if (!ctyTypeEquals(value.type, type)) {
      throw new CtyValueError(
        path,
        `expected ${describeCtyType(type)}, got a dynamic value of type ${describeCtyType(value.type)}`,
      );
    }
    return toWire(value.value, type, path, format);
  }
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof value !== 'string') throw mismatch(path, type, value);
        // cty holds strings in Unicode normal form C; send them that way so values compare equal.
        return value.normalize('NFC');
      case 'bool':
        if (typeof value !== 'boolean') throw mismatch(path, type, value);
        return value;
      case 'number':
        if (typeof value !== 'number' || Number.isNaN(value)) throw mismatch(path, type, value);
        return value;
    }
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) throw mismatch(path, type, value);
      return value.map((element, i) => toWire(element, type.element, `${path}[${i}]`, format));
    case 'tuple':
      if (!Array.isArray(value) || value.length !== type.elements.length) {
        throw mismatch(path, type, value);
      }
      return value.map((element, i) => toWire(element, type.elements[i]!, `${path}[${i}]`, format));
    case 'map': {
      const entries = plainEntries(value, path, type);
      return Object.fromEntries(
        entries.map(([key, element]) => [
          key,
          toWire(element, type.element, `${path}[${JSON.stringify(key)}]`, format),
        ]),
      );
    }
    case 'object': {
      const given = Object.fromEntries(plainEntries(value, path, type));
      for (const name of Object.keys(given)) {
        if (!Object.hasOwn(type.attributes, name)) {
          throw new CtyValueError(
            path,
            `attribute ${JSON.stringify(name)} is not in the type; expected only ${listNames(type.attributes)}`,
          );
        }
      }
      // Every attribute is written: Terraform rejects an object that lacks one.
      return Object.fromEntries(
        Object.entries(type.attributes).map(([name, attributeType]) => [
          name,
          toWire(given[name], attributeType, `${path}.${name}`, format),
        ]),
      );
    }
  }
}

function fromWire(
  raw: unknown,
  type: CtyType,
  path: string,
  format: Format,
  options: CtyDecodeOptions,
): CtyValue {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) return unknown;
  if (type === 'dynamic') return dynamicFromWire(raw, path, format, options);
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof raw === 'string') return raw;
        if (raw instanceof Uint8Array) return Buffer.from(raw).toString('utf8');
        throw mismatch(path, type, raw);
      case 'bool':
        if (typeof raw !== 'boolean') throw mismatch(path, type, raw);
        return raw;
      case 'number':
        return numberFromWire(raw, path);
    }
  }
  switch (type.kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw mismatch(path, type, raw);
      return raw.map((element, i) =>
        fromWire(element, type.element, `${path}[${i}]`, format, options),
      );
    case 'tuple':
      if (!Array.isArray(raw) || raw.length !== type.elements.length)
        throw mismatch(path, type, raw);
      return raw.map((element, i) =>
        fromWire(element, type.elements[i]!, `${path}[${i}]`, format, options),
      );
    case 'map':
      return Object.fromEntries(
        plainEntries(raw, path, type).map(([key, element]) => [
          key,
          fromWire(element, type.element, `${path}[${JSON.stringify(key)}]`, format, options),
        ]),
      );
    case 'object': {
      const given = Object.fromEntries(plainEntries(raw, path, type));
      if (!options.ignoreUndefinedAttributes) {
        for (const name of Object.keys(given)) {
          if (!Object.hasOwn(type.attributes, name)) {
            throw new CtyValueError(
              path,
              `unexpected attribute ${JSON.stringify(name)}; the type has ${listNames(type.attributes)}`,
            );
          }
        }
      }
      return Object.fromEntries(
        Object.entries(type.attributes).map(([name, attributeType]) => [
          name,
          fromWire(given[name], attributeType, `${path}.${name}`, format, options),
        ]),
      );
    }
  }
}

function dynamicFromWire(
  raw: unknown,
  path: string,
  format: Format,
  options: CtyDecodeOptions,
): CtyValue {
  let typeJSON: unknown;
  let inner: unknown;
  if (format === 'msgpack') {
    if (!Array.isArray(raw) || raw.length !== 2) {
      throw new CtyValueError(path, 'expected a dynamic value as a [type, value] array');
    }
    [typeJSON, inner] = raw;
    if (typeof typeJSON !== 'string' && !(typeJSON instanceof Uint8Array)) {
      throw new CtyValueError(path, 'expected the type of a dynamic value as JSON bytes');
    }
    const type = decodeCtyType(typeJSON);
    return new CtyDynamic(type, fromWire(inner, type, path, format, options));
  }
  if (raw === null || typeof raw !== 'object' || !('type' in raw) || !('value' in raw)) {
    throw new CtyValueError(path, 'expected a dynamic value as {"type": …, "value": …}');
  }
  const type = ctyTypeFromJSON(raw.type);
  return new CtyDynamic(type, fromWire(raw.value, type, path, format, options));
}

function numberFromWire(raw: unknown, path: string): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string') {
    // Terraform writes numbers beyond a float64's precision as decimal strings.
    const parsed = Number(raw.trim());
    if (raw.trim() !== '' && !Number.isNaN(parsed)) return parsed;
  }
  throw mismatch(path, 'number', raw);
}

/** The implied type of a plain JS value written into a `dynamic` slot. */
function impliedType(value: CtyValue, path: string): CtyType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) {
    return { kind: 'tuple', elements: value.map((v, i) => impliedType(v, `${path}[${i}]`)) };
  }
  if (value instanceof CtyDynamic) return value.type;
  if (value === null || value instanceof CtyUnknown) {
    throw new CtyValueError(
      path,
      'the type of a null or unknown value in a dynamic attribute cannot be implied; wrap it as new CtyDynamic(type, value)',
    );
  }
  const attributes: Record<string, CtyType> = {};
  for (const [name, v] of Object.entries(value as Record<string, CtyValue>)) {
    attributes[name] = impliedType(v, `${path}.${name}`);
  }
  return { kind: 'object', attributes };
}

function plainEntries(value: unknown, path: string, type: CtyType): Array<[string, CtyValue]> {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof Uint8Array ||
    value instanceof CtyDynamic ||
    value instanceof ExtData
  ) {
    throw mismatch(path, type, value);
  }
  return Object.entries(value as Record<string, CtyValue>);
}

function mismatch(path: string, type: CtyType, value: unknown): CtyValueError {
  return new CtyValueError(path, `expected ${describeCtyType(type)}, got ${describeValue(value)}`);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

function listNames(attributes: Readonly<Record<string, CtyType>>): string {
  const names = Object.keys(attributes);
  return names.length === 0 ? 'no attributes' : names.map((n) => JSON.stringify(n)).join(', ');
}
