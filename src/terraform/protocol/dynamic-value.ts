import type { CtyDecodeOptions } from './cty-codec';
import { CtyValueError, decodeCtyJson, decodeCtyMsgpack, encodeCtyMsgpack } from './cty-codec';
import type { CtyType } from './cty-type';
import type { CtyValue } from './cty-value';
import type { DynamicValue, RawState } from './messages';

/** A DynamicValue for a response: always msgpack, which every Terraform version reads. */
export function toDynamicValue(value: CtyValue, type: CtyType): DynamicValue {
  return { msgpack: encodeCtyMsgpack(value, type) };
}

/**
 * The value a request carries: msgpack when present, else JSON. An absent DynamicValue (an unset
 * message field) reads as null.
 */
export function fromDynamicValue(
  dynamicValue: DynamicValue | null | undefined,
  type: CtyType,
  options?: CtyDecodeOptions,
): CtyValue {
  if (dynamicValue?.msgpack && dynamicValue.msgpack.length > 0) {
    return decodeCtyMsgpack(dynamicValue.msgpack, type, options);
  }
  if (dynamicValue?.json && dynamicValue.json.length > 0) {
    return decodeCtyJson(dynamicValue.json, type, options);
  }
  return null;
}

/**
 * Stored state from UpgradeResourceState or MoveResourceState, read with the given type.
 * Attributes the type lacks are dropped by default (a newer schema may have removed them).
 * The pre-0.12 flatmap form is refused: no state of this provider was ever written that way.
 */
export function fromRawState(
  rawState: RawState | null | undefined,
  type: CtyType,
  options: CtyDecodeOptions = { ignoreUndefinedAttributes: true },
): CtyValue {
  if (rawState?.json && rawState.json.length > 0)
    return decodeCtyJson(rawState.json, type, options);
  if (rawState?.flatmap && Object.keys(rawState.flatmap).length > 0) {
    throw new CtyValueError(
      '',
      'stored state is in the legacy flatmap format (Terraform < 0.12), which this provider never wrote; expected JSON',
    );
  }
  return null;
}
