export { createClient, SUPPORTED_API_VERSIONS } from './client';
export type { GitHubClient, GitHubOctokit, RateLimitWaitBudget } from './client';
export {
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
  DEFAULT_RETRIES,
  DEFAULT_WRITE_INTERVAL_MS,
  SettingsError,
  normalizeBaseUrl,
  packageVersion,
  settingsFromEnv,
} from './settings';
export type { ClientSettings, GitHubAppCredentials } from './settings';
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
export {
  BYPASS_LIST_BATCH_SIZE,
  BYPASS_LIST_MAX_USERS,
  addToPrBypassList,
  getPrBypassList,
  removeFromPrBypassList,
} from './bypass-list';
export {
  MAX_OPEN_PULL_REQUESTS,
  MIN_OPEN_PULL_REQUESTS,
  getOrgPrCreationCap,
  getRepoPrCreationCap,
  updateOrgPrCreationCap,
  updateRepoPrCreationCap,
} from './creation-cap';
export {
  getAuthenticatedLogin,
  getRepository,
  listOrgRepositories,
  listUserRepositories,
} from './repositories';
export * from './types';
