export { startEmulator, GITHUB_ROUTES, DEFAULT_HOST, DEFAULT_PORT } from './server';
export type { EmulatorOptions, RunningEmulator, Exchange } from './types';
export { DEFAULT_WAIT_TIMEOUT_MS } from './events';
export type {
  EmulatorEvents,
  EmulatorEventName,
  EmulatorEventSource,
  FaultHit,
  WaitForOptions,
} from './events';
export { DEFAULT_SEED } from './state/default-seed';
export { validateSeed, loadSeedFile, SeedError } from './state/seed';
export type { Seed, SeedUser, SeedOrg, SeedRepo, SeedApp } from './state/seed';
export { EmulatorState } from './state/emulator-state';
export type { Account } from './state/emulator-state';
export type { Principal } from './auth/principal';
export type { StateData, RepoRecord, OrgRecord, UserRecord } from './state/model';
export type { InteractionGroup, InteractionExpiry, LimitOrigin } from './interaction-limits/model';
export { INTERACTION_GROUPS, INTERACTION_EXPIRIES } from './interaction-limits/model';
export { DEFAULT_RATE_LIMIT_PER_HOUR } from './rate-limits/rate-limiter';
export { DEFAULT_EXPIRY } from './interaction-limits/expiry';
// GitHub's expiry arithmetic (calendar months), the project's fact (src/github/facts.ts).
export { expiresAtFor, EXPIRY_MIN_SECONDS } from '../github/facts';
export type { LimitResponse } from './interaction-limits/precedence';
export {
  DEFAULT_CREATION_CAP,
  MIN_OPEN_PULL_REQUESTS,
  MAX_OPEN_PULL_REQUESTS,
} from './creation-cap/rules';
export type { CreationCapResponse } from './creation-cap/rules';
export { MAX_BYPASS_LIST_SIZE, MAX_BYPASS_USERS_PER_REQUEST } from './bypass-list/rules';
export { SUPPORTED_API_VERSIONS, DEFAULT_API_VERSION } from './http/api-version';
export { StateFileError } from './state/persistence';
export type { StateSnapshot } from './admin/snapshot';
export type { StoredLimit } from './interaction-limits/admin';
export type { CreationCapState } from './creation-cap/admin';
export type { FaultSpec, FaultKind } from './faults/registry';
export type { LoggedRequest, RequestLogView } from './request-log/log';
export type { RateLimitStatus } from './rate-limits/rate-limiter';
export {
  GITHUB_SECONDARY_LIMITS,
  SECONDARY_LIMIT_KINDS,
  graphqlOperationType,
  secondaryCost,
} from './rate-limits/secondary-limiter';
export type {
  SecondaryLimitConfig,
  SecondaryLimitKind,
  SecondaryCost,
  SecondaryUsage,
} from './rate-limits/secondary-limiter';
export { PROFILES, PROFILE_NAMES, GITHUB_PROFILE_LATENCY_MS } from './rate-limits/profile';
export type {
  EmulatorProfileName,
  ProfileInput,
  ProfileSettings,
  SecondaryLimitsInput,
} from './rate-limits/profile';
export type { ProfileView } from './rate-limits/admin';
export { SECONDARY_RATE_LIMIT_DOCS, SECONDARY_RATE_LIMIT_MESSAGE } from './rate-limits/answers';
export { EmulatorAdminClient, EmulatorAdminError } from './admin/client';
export type { AdminLimitInput, AdminCreationCapInput, AdminRateLimitInput } from './admin/client';
export { runEmulatorCommand, registerEmulatorCommand } from './cli';
export { serveEmulator } from './serve';
export type { EmulatorCommandIo, EmulatorCommandOptions } from './cli';
