import { interactionLimitKind } from './interaction-limit';
import type { InteractionLimitTypes } from './interaction-limit/types';
import type { ResourceKindContract } from './kind';
import { prBypassListKind } from './pr-bypass-list';
import type { PrBypassListTypes } from './pr-bypass-list/types';
import { prCreationCapKind } from './pr-creation-cap';
import type { PrCreationCapTypes } from './pr-creation-cap/types';

/**
 * The resource kinds. Everything that works on "any kind" (planner, applier, staleness, the CLI,
 * every front door) dispatches through `kindContract`; the type map below is where the unions of
 * types.ts come from. Adding a kind: docs/core.md, "Adding a resource kind".
 */
export interface KindTypeMap {
  InteractionLimit: InteractionLimitTypes;
  PrBypassList: PrBypassListTypes;
  PrCreationCap: PrCreationCapTypes;
}

export const REGISTRY: { readonly [K in keyof KindTypeMap]: ResourceKindContract<KindTypeMap[K]> } =
  {
    InteractionLimit: interactionLimitKind,
    PrBypassList: prBypassListKind,
    PrCreationCap: prCreationCapKind,
  };

/** The kinds, in the registry's order. */
export const RESOURCE_KINDS = Object.keys(REGISTRY) as readonly (keyof KindTypeMap)[];

export function isResourceKind(value: unknown): value is keyof KindTypeMap {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REGISTRY, value);
}

/**
 * The contract of a kind. For a value whose kind is only known at run time (`change.kind` of a
 * `Change` union), TypeScript cannot correlate the kind with the value's type, so the contract is
 * typed loosely: pass it values of that same kind.
 */
export function kindContract<K extends keyof KindTypeMap>(
  kind: K,
): ResourceKindContract<KindTypeMap[K]> {
  const contract = REGISTRY[kind];
  if (!contract) {
    throw new TypeError(
      `Unknown resource kind ${JSON.stringify(kind)}; expected one of ${RESOURCE_KINDS.join(', ')}`,
    );
  }
  return contract as ResourceKindContract<KindTypeMap[K]>;
}

/** The contract for a value of any kind, typed for values of any kind (see kindContract). */
export function anyKindContract(kind: keyof KindTypeMap): ResourceKindContract<AnyKindTypes> {
  return kindContract(kind) as unknown as ResourceKindContract<AnyKindTypes>;
}

/** The union of every kind's types: what `anyKindContract` takes and returns. */
export interface AnyKindTypes {
  readonly kind: keyof KindTypeMap;
  readonly spec: KindTypeMap[keyof KindTypeMap]['spec'];
  readonly target: KindTypeMap[keyof KindTypeMap]['target'];
  readonly observed: KindTypeMap[keyof KindTypeMap]['observed'];
  readonly change: KindTypeMap[keyof KindTypeMap]['change'];
  readonly reason: KindTypeMap[keyof KindTypeMap]['reason'];
  readonly inputs: KindTypeMap[keyof KindTypeMap]['inputs'];
  readonly state: KindTypeMap[keyof KindTypeMap]['state'];
}
