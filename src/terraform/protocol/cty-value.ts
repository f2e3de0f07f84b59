import type { CtyType } from './cty-type';

/**
 * Values as handlers see them, for a known cty type:
 *
 * | cty                 | JavaScript                                      |
 * | ------------------- | ----------------------------------------------- |
 * | null (any type)     | `null`                                          |
 * | unknown (any type)  | {@link unknown} (test with {@link isUnknown})   |
 * | string, bool        | `string`, `boolean`                             |
 * | number              | `number`                                        |
 * | list, set, tuple    | array                                           |
 * | map, object         | plain object (objects carry every attribute)    |
 * | dynamic             | {@link CtyDynamic}: the value with its own type |
 */
export type CtyValue =
  | null
  | string
  | number
  | boolean
  | CtyUnknown
  | CtyDynamic
  | readonly CtyValue[]
  | { readonly [key: string]: CtyValue };

/**
 * A value Terraform will only know during apply (a computed attribute, or configuration that
 * depends on one). Refinements Terraform may attach (msgpack extension 12: not null, string
 * prefix, number or length bounds) are dropped on decode: ignoring them is always allowed by the
 * protocol, and a provider that never sends refinements never has to honour them.
 */
export class CtyUnknown {
  static readonly instance = new CtyUnknown();
  private constructor() {}
  toString(): string {
    return '(known after apply)';
  }
}

/** The one unknown value; compare with `isUnknown(v)` or `v === unknown`. */
export const unknown: CtyUnknown = CtyUnknown.instance;

export function isUnknown(value: unknown): value is CtyUnknown {
  return value === unknown;
}

/** A value of an attribute typed `dynamic`: the concrete type travels with it. */
export class CtyDynamic {
  constructor(
    readonly type: CtyType,
    readonly value: CtyValue,
  ) {}
}

/** True when no unknown appears anywhere in the value (a dynamic value's type is always known). */
export function isWhollyKnown(value: CtyValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (value instanceof CtyUnknown) return false;
  if (value instanceof CtyDynamic) return isWhollyKnown(value.value);
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  return Object.values(value as Record<string, CtyValue>).every(isWhollyKnown);
}
