export type {
  Change,
  ChangeOf,
  DesiredOf,
  DesiredResource,
  InputsOf,
  ObservedOf,
  PreviousApplied,
  ResourceKind,
  ResourceSpec,
  ResourceTarget,
  SpecOf,
  StateOf,
  TargetOf,
} from './types';
export type {
  BatchObservation,
  ChangeCommon,
  ChangeDescription,
  Desired,
  DiffArgs,
  KindTypes,
  ResourceKindContract,
  StateArgs,
} from './kind';
export type { AnyKindTypes, KindTypeMap } from './registry';
export {
  REGISTRY,
  RESOURCE_KINDS,
  anyKindContract,
  isResourceKind,
  kindContract,
} from './registry';
export type { AttributeDescription, AttributeType, FieldDefinition } from './attributes';
export { snakeCase } from './attributes';
export type { MaybeUnknownInputs, Unknown } from './unknown';
export { UNKNOWN, hasUnknowns, isUnknown } from './unknown';
export {
  DEFAULT_BYPASS_USERS,
  DEFAULT_CAP_ENABLED,
  DEFAULT_EXPIRY,
  DEFAULT_PLAN_CONCURRENCY,
  DEFAULT_RENEWAL_ENABLED,
  DEFAULT_RENEWAL_WINDOW_SECONDS,
  defaultRenewalWindowSeconds,
} from './defaults';
export {
  DURATION_PATTERN,
  DURATION_RULE,
  formatDurationSeconds,
  parseDurationSeconds,
} from './duration';
export {
  DuplicateResourceError,
  ObservationError,
  ResourceIdError,
  SpecValidationError,
  UserScopeMismatchError,
} from './errors';
export type { ValidationIssue } from './errors';
export {
  LOGIN_PATTERN,
  LOGIN_RULE,
  REPOSITORY_NAME_PATTERN,
  REPOSITORY_NAME_RULE,
  isLogin,
  isRepositoryFullName,
  isRepositoryName,
} from './names';
export {
  BYPASS_USERS_DESCRIPTION,
  EXPIRY_DESCRIPTION,
  LIMIT_DESCRIPTION,
  MAX_OPEN_PULL_REQUESTS_RULE,
  RENEW_DESCRIPTION,
  RENEW_WITHIN_DEFAULT_DESCRIPTION,
  RENEW_WITHIN_DESCRIPTION,
  durationSchema,
  expirySchema,
  limitSchema,
  loginSchema,
  maxOpenPullRequestsSchema,
  repositoryFullNameSchema,
} from './fields';
export {
  RESOURCE_ID_FORMS,
  parseResourceId,
  resourceId,
  resourceKey,
  targetOf,
  targetOfDesired,
} from './ids';
export { assertValidSpec, validateDesired, validateSpec, validateTarget } from './validate';
export type {
  DesiredLimitState,
  InteractionLimitChange,
  InteractionLimitInputs,
  InteractionLimitSpec,
  InteractionLimitState,
  InteractionLimitTarget,
  LimitOperation,
  LimitScope,
  RenewalSettings,
} from './interaction-limit/types';
export type { InteractionLimitOptions } from './interaction-limit/spec';
export { interactionLimitSpec, interactionLimitTarget } from './interaction-limit/spec';
export { interactionLimitKind } from './interaction-limit';
export type {
  BypassListOperation,
  DesiredBypassListState,
  ObservedBypassList,
  PrBypassListChange,
  PrBypassListInputs,
  PrBypassListSpec,
  PrBypassListState,
  PrBypassListTarget,
} from './pr-bypass-list/types';
export type { PrBypassListOptions } from './pr-bypass-list/spec';
export { prBypassListSpec, prBypassListTarget } from './pr-bypass-list/spec';
export { prBypassListKind } from './pr-bypass-list';
export { bypassUsersSchema } from './pr-bypass-list/schema';
export type {
  CapOperation,
  CapScope,
  DesiredCapState,
  ObservedCap,
  PrCreationCapChange,
  PrCreationCapInputs,
  PrCreationCapSpec,
  PrCreationCapState,
  PrCreationCapTarget,
} from './pr-creation-cap/types';
export type { PrCreationCapOptions } from './pr-creation-cap/spec';
export { prCreationCapSpec, prCreationCapTarget } from './pr-creation-cap/spec';
export { prCreationCapKind } from './pr-creation-cap';
export type { LoginSetDifference } from './pr-bypass-list/sets';
export { batchLogins, diffLoginSets } from './pr-bypass-list/sets';
export type { Clock } from './clock';
export { ACTIONS, PLAN_FORMAT_VERSION, pendingChanges, summarize } from './plan';
export type {
  Action,
  AddedOutOfBandReason,
  ChangedReason,
  DeclaredAbsentReason,
  DisabledReason,
  ExpiringReason,
  MissingReason,
  NotAvailableReason,
  ObservedState,
  Plan,
  PlanSummary,
  Reason,
  ReasonType,
  RemovedOutOfBandReason,
  ShadowedReason,
} from './plan';
export { fingerprintObserved } from './fingerprint';
export type { InteractionLimitDiffInput } from './interaction-limit/diff';
export { diffInteractionLimit } from './interaction-limit/diff';
export type { PrBypassListDiffInput } from './pr-bypass-list/diff';
export { diffPrBypassList } from './pr-bypass-list/diff';
export type { PrCreationCapDiffInput } from './pr-creation-cap/diff';
export { diffPrCreationCap } from './pr-creation-cap/diff';
export type { DiffInput } from './diff';
export { diffResource } from './diff';
export { MIN_BATCH_TARGETS, observeTarget, observeTargets } from './observe';
export type { ObservationFallback, ObserveTargetsOptions, PrefetchedObservations } from './observe';
export type { PlanOptions } from './planner';
export { planResource, planResources, resolveDesiredResources } from './planner';
export type {
  ApplyChangeOptions,
  ApplyOptions,
  ApplyProgress,
  ApplyResult,
  ChangeResult,
  FailureDetails,
  InteractionLimitResult,
  Outcome,
  PrBypassListResult,
  PrCreationCapResult,
  ResultOf,
} from './applier';
export { OUTCOMES, applyChange, applyPlan, executionOrder } from './applier';
export type { UnreadablePolicy, UnreadableResource } from './unreadable';
export { DEFAULT_UNREADABLE_POLICY, groupUnreadable } from './unreadable';
export type { FailureGroup } from './failures';
export { IDS_SHOWN_PER_CAUSE, formatFailureGroups, groupFailures } from './failures';
export type { DiffOptions, RefreshOptions } from './adapter';
export {
  absentDesired,
  desiredFromInputs,
  diff,
  fromState,
  importResource,
  observe,
  refresh,
  requiresReplace,
  resolveDesired,
  toState,
} from './adapter';
export type { StaleChange, StalenessOptions, StalenessReport } from './staleness';
export { checkPlanStaleness, isPlanStale } from './staleness';
export { PlanSchema, verifyPlan } from './integrity';
// The GitHub client every front door connects with, and the typed errors `result.error.cause`
// holds, so a front door needs only `gh-interactions/core`.
export { createClient, settingsFromEnv } from '../github';
export type { ClientSettings, GitHubAppCredentials, GitHubClient } from '../github';
export {
  BadCredentialsError,
  ForbiddenError,
  GitHubApiError,
  GitHubConnectionError,
  NotAvailableError,
  NotFoundError,
  RateLimitedError,
  ShadowedLimitError,
  UnknownLoginsError,
  ValidationError,
} from '../github';
