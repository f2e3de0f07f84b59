export type { InteractionLimitProps } from './interaction-limit';
export { InteractionLimit } from './interaction-limit';
export type { PrBypassListProps } from './pr-bypass-list';
export { PrBypassList } from './pr-bypass-list';
export type { PrCreationCapProps } from './pr-creation-cap';
export { PrCreationCap } from './pr-creation-cap';
export type { GhInteractionsAppAuth, GhInteractionsProviderProps } from './provider';
export { DEFAULT_PROVIDER_ID, GhInteractionsProvider } from './provider';
export type {
  GhInteractionsResourceProps,
  IRepositoryReference,
  RepositoryReference,
} from './resource';
export { GhInteractionsResource } from './resource';
export { PROVIDER_SOURCE, providerVersion } from './provider-package';
