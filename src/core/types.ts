import type { Desired } from './kind';
import type { KindTypeMap } from './registry';

/**
 * The resource kinds, as the registry lists them; the same names and meaning in every front door.
 * Every union below is derived from the registry, so a new kind is one folder and one registry
 * entry (docs/core.md).
 */
export type ResourceKind = keyof KindTypeMap;

export type SpecOf<K extends ResourceKind> = KindTypeMap[K]['spec'];
export type TargetOf<K extends ResourceKind> = KindTypeMap[K]['target'];
export type ObservedOf<K extends ResourceKind> = KindTypeMap[K]['observed'];
export type ChangeOf<K extends ResourceKind> = KindTypeMap[K]['change'];
export type InputsOf<K extends ResourceKind> = KindTypeMap[K]['inputs'];
export type StateOf<K extends ResourceKind> = KindTypeMap[K]['state'];
/** A declared resource of one kind. */
export type DesiredOf<K extends ResourceKind> = K extends ResourceKind
  ? Desired<KindTypeMap[K]>
  : never;

export type ResourceSpec = SpecOf<ResourceKind>;
export type ResourceTarget = TargetOf<ResourceKind>;
export type Change = ChangeOf<ResourceKind>;
export type DesiredResource = { [K in ResourceKind]: DesiredOf<K> }[ResourceKind];

export type { PreviousApplied } from './kind';
export type {
  InteractionLimitChange,
  InteractionLimitInputs,
  InteractionLimitSpec,
  InteractionLimitState,
  LimitScope,
  RenewalSettings,
} from './interaction-limit/types';
export type {
  PrBypassListChange,
  PrBypassListInputs,
  PrBypassListSpec,
  PrBypassListState,
} from './pr-bypass-list/types';
export type {
  CapScope,
  PrCreationCapChange,
  PrCreationCapInputs,
  PrCreationCapSpec,
  PrCreationCapState,
} from './pr-creation-cap/types';
