export type {
  CapScope,
  DesiredOf,
  DesiredResource,
  InteractionLimitSpec,
  LimitScope,
  PrBypassListSpec,
  PrCreationCapSpec,
  PreviousApplied,
  RenewalSettings,
  ResourceKind,
  ResourceSpec,
  ResourceTarget,
  SpecOf,
  TargetOf,
} from './types';
export {
  DEFAULT_BYPASS_USERS,
  DEFAULT_CAP_ENABLED,
  DEFAULT_EXPIRY,
  DEFAULT_PLAN_CONCURRENCY,
  DEFAULT_RENEWAL_ENABLED,
  DEFAULT_RENEWAL_WINDOW_SECONDS,
  EXPIRY_SECONDS,
  defaultRenewalWindowSeconds,
} from './defaults';
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
  isRepositoryName,
} from './names';
export {
  RESOURCE_ID_FORMS,
  RESOURCE_KINDS,
  parseResourceId,
  resourceId,
  resourceKey,
  targetOf,
} from './ids';
export { assertValidSpec, validateDesired, validateSpec, validateTarget } from './validate';
export type { InteractionLimitOptions } from './interaction-limit/spec';
export { interactionLimitSpec, interactionLimitTarget } from './interaction-limit/spec';
export type { PrBypassListOptions } from './pr-bypass-list/spec';
export { prBypassListSpec, prBypassListTarget } from './pr-bypass-list/spec';
export type { PrCreationCapOptions } from './pr-creation-cap/spec';
export { prCreationCapSpec, prCreationCapTarget } from './pr-creation-cap/spec';
export type { LoginSetDifference } from './pr-bypass-list/sets';
export { batchLogins, diffLoginSets } from './pr-bypass-list/sets';
export type { Clock } from './clock';
export { ACTIONS, PLAN_FORMAT_VERSION, pendingChanges, summarize } from './plan';
export type {
  Action,
  AddedOutOfBandReason,
  BypassListOperation,
  CapOperation,
  Change,
  ChangedReason,
  DeclaredAbsentReason,
  DesiredBypassListState,
  DesiredCapState,
  DesiredLimitState,
  DisabledReason,
  ExpiringReason,
  InteractionLimitChange,
  LimitOperation,
  MissingReason,
  NotAvailableReason,
  ObservedBypassList,
  ObservedCap,
  ObservedState,
  Plan,
  PlanSummary,
  PrBypassListChange,
  PrCreationCapChange,
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
export { observeInteractionLimit } from './interaction-limit/observe';
export { observePrBypassList } from './pr-bypass-list/observe';
export { observePrCreationCap } from './pr-creation-cap/observe';
export { observeTarget } from './observe';
export type { PlanOptions } from './planner';
export { planResource, planResources } from './planner';
export type {
  ApplyOptions,
  ApplyProgress,
  ApplyResult,
  ChangeResult,
  FailureDetails,
  InteractionLimitResult,
  Outcome,
  PrBypassListResult,
  PrCreationCapResult,
} from './applier';
export { OUTCOMES, applyPlan, executionOrder } from './applier';
export type { StaleChange, StalenessOptions, StalenessReport } from './staleness';
export { checkPlanStaleness, isPlanStale } from './staleness';
