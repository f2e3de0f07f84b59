// Generated from src/cdktf/hcl.ts by src/cdktn/generate.js: do not edit.
// Edit src/cdktf/ and run `node src/cdktn/generate.js`.
import {
  booleanToHclTerraform,
  listMapperHcl,
  numberToHclTerraform,
  stringToHclTerraform,
} from '../framework';

/**
 * The attribute descriptions the framework's HCL output (`SYNTH_HCL_OUTPUT=true`) renders, in
 * the shape its generated provider bindings use.
 */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

export function hclString(value: unknown): HclAttribute | undefined {
  return value === undefined
    ? undefined
    : {
        value: stringToHclTerraform(value),
        isBlock: false,
        type: 'simple',
        storageClassType: 'string',
      };
}

export function hclNumber(value: unknown): HclAttribute | undefined {
  return value === undefined
    ? undefined
    : {
        value: numberToHclTerraform(value),
        isBlock: false,
        type: 'simple',
        storageClassType: 'number',
      };
}

export function hclBoolean(value: unknown): HclAttribute | undefined {
  return value === undefined
    ? undefined
    : {
        value: booleanToHclTerraform(value),
        isBlock: false,
        type: 'simple',
        storageClassType: 'boolean',
      };
}

export function hclStringList(value: unknown): HclAttribute | undefined {
  return value === undefined
    ? undefined
    : {
        value: listMapperHcl(stringToHclTerraform, false)(value),
        isBlock: false,
        type: 'list',
        storageClassType: 'stringList',
      };
}

/** The entries whose value is defined: the framework renders an undefined one as null. */
export function definedOnly<T>(attributes: Record<string, T | undefined>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(attributes).filter(([, value]) => value !== undefined),
  ) as Record<string, T>;
}
