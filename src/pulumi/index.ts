export { InteractionLimit } from './interaction-limit';
export { PrBypassList } from './pr-bypass-list';
export { PrCreationCap } from './pr-creation-cap';
export type {
  InteractionLimitArgs,
  InteractionLimitScope,
  InteractionLimitSettings,
  PrBypassListArgs,
  PrCreationCapArgs,
  PrCreationCapScope,
  PrCreationCapSettings,
} from './generated/args';
export { providerHost } from './host';
export type { ProviderHost } from './host';
