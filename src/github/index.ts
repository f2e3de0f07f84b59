export { createClient, SUPPORTED_API_VERSIONS } from './client';
export type {
  ClientStats,
  GitHubClient,
  GitHubOctokit,
  RateLimitStatus,
  RateLimitWaitBudget,
} from './client';
export {
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_CIRCUIT_BREAKER_THRESHOLD,
  DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRIES,
  DEFAULT_WRITE_INTERVAL_MS,
  GITHUB_SECONDARY_LIMITS,
  SettingsError,
  isLoopbackUrl,
  normalizeBaseUrl,
  packageVersion,
  resolvePacing,
  settingsFromEnv,
  tuningFromEnv,
} from './settings';
export type {
  ClientSettings,
  ClientTimers,
  GitHubAppCredentials,
  PacingSettings,
} from './settings';
export { graphqlOperationType } from './pacing';
export { backoffMs } from './backoff';
export * from './errors';
export { EtagCache } from './etag-cache';
export type { CachedResponse } from './etag-cache';
export {
  getOrgInteractionLimit,
  removeOrgInteractionLimit,
  setOrgInteractionLimit,
} from './org-limits';
export {
  getRepoInteractionLimit,
  removeRepoInteractionLimit,
  setRepoInteractionLimit,
} from './repo-limits';
export {
  getUserInteractionLimit,
  removeUserInteractionLimit,
  setUserInteractionLimit,
} from './user-limits';
export { addToPrBypassList, getPrBypassList, removeFromPrBypassList } from './bypass-list';
export {
  getOrgPrCreationCap,
  getRepoPrCreationCap,
  updateOrgPrCreationCap,
  updateRepoPrCreationCap,
} from './creation-cap';
export {
  getAuthenticatedLogin,
  getOrganizationLogin,
  getRepository,
  listOrgRepositories,
  listUserRepositories,
} from './repositories';
export * from './types';
export * from './facts';
export { loginExists } from './users';
export {
  GRAPHQL_BATCH_SIZE,
  GraphqlUnavailableError,
  graphqlEnabledFromEnv,
  limitFromAbility,
  listRepositoriesWithLimits,
  observeLimitsBatch,
} from './graphql';
export type {
  LimitBatchOptions,
  LimitBatchRequest,
  LimitBatchResult,
  LimitObservation,
  RepositoryWithLimit,
} from './graphql';
export { UnexpectedAnswerError, readableErrorMessage, summarizeErrorBody } from './answers';
