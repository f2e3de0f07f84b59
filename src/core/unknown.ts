/**
 * "Not known yet": Terraform and Pulumi plan with values that are only known after another
 * resource is applied. A front door passes this marker for such a value (a whole attribute, or an
 * element of a list); validation checks what is known and defers the rest, and never reports a
 * missing value for one that is unknown.
 */
export const UNKNOWN: unique symbol = Symbol.for('gh-interactions.unknown');
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** Inputs where any attribute, or any element of a list attribute, may be unknown. */
export type MaybeUnknownInputs<T> = {
  readonly [K in keyof T]?: T[K] extends readonly (infer E)[]
    ? readonly (E | Unknown)[] | Unknown
    : T[K] | Unknown;
};

/** True when the inputs hold an unknown anywhere (top level or in a list). */
export function hasUnknowns(inputs: object): boolean {
  return Object.values(inputs).some(
    (value) => isUnknown(value) || (Array.isArray(value) && value.some(isUnknown)),
  );
}
