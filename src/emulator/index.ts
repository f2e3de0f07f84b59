export { startEmulator, GITHUB_ROUTES, DEFAULT_HOST, DEFAULT_PORT } from './server';
export type { EmulatorOptions, RunningEmulator, Exchange } from './types';
export { DEFAULT_SEED } from './default-seed';
export { validateSeed, loadSeedFile, SeedError } from './seed';
export type { Seed, SeedUser, SeedOrg, SeedRepo, SeedApp } from './seed';
export { EmulatorState } from './state';
export type { Principal, Account } from './state';
export type {
  InteractionGroup,
  InteractionExpiry,
  LimitOrigin,
  StateData,
  RepoRecord,
  OrgRecord,
  UserRecord,
} from './model';
export { INTERACTION_GROUPS, INTERACTION_EXPIRIES, DEFAULT_RATE_LIMIT_PER_HOUR } from './model';
export { EXPIRY_SECONDS, DEFAULT_EXPIRY } from './limits';
export type { LimitResponse } from './limits';
export { DEFAULT_CREATION_CAP } from './creation-cap';
export type { CreationCapResponse } from './creation-cap';
export { MAX_BYPASS_LIST_SIZE, MAX_BYPASS_USERS_PER_REQUEST } from './bypass-list';
export { SUPPORTED_API_VERSIONS, DEFAULT_API_VERSION } from './http/api-version';
export { StateFileError } from './persistence';
export type { StateSnapshot, StoredLimit, CreationCapState } from './snapshot';
export type { FaultSpec, FaultKind } from './faults';
export type { LoggedRequest, RequestLogView } from './request-log';
export type { RateLimitStatus } from './rate-limit';
export { EmulatorAdminClient, EmulatorAdminError } from './admin-client';
export type { AdminLimitInput, AdminCreationCapInput, AdminRateLimitInput } from './admin-client';
export { runEmulatorCommand, registerEmulatorCommand, serveEmulator } from './cli';
export type { EmulatorCommandIo, EmulatorCommandOptions } from './cli';
