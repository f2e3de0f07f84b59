import type { Expiry } from '../../github';
import { EXPIRIES } from '../../github';
import { checkFields } from '../attributes';
import { checkRenewalWindow, describeScopeInputs, scopeFromInputs } from '../checks';
import { DEFAULT_EXPIRY, DEFAULT_RENEWAL_ENABLED, defaultRenewalWindowSeconds } from '../defaults';
import { formatDurationSeconds, isDuration, parseDurationSeconds } from '../duration';
import { untilTimestamp } from '../fields';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import { isUnknown } from '../unknown';
import { INTERACTION_LIMIT_FIELDS, INTERACTION_LIMIT_SCOPE_FIELDS } from './schema';
import type {
  InteractionLimitInputs,
  InteractionLimitSpec,
  InteractionLimitTarget,
  InteractionLimitState,
} from './types';

/** The options builders take: the inputs (exactly one of organization, repository, user). */
export type InteractionLimitOptions = InteractionLimitInputs;

type Inputs = Readonly<Record<string, unknown>>;
type Resolved = Omit<InteractionLimitState, 'id' | 'origin' | 'expiresAt'>;

/** Every problem with the inputs; values not known yet are deferred. */
export function validateInteractionLimitInputs(inputs: Inputs): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkFields(INTERACTION_LIMIT_FIELDS, inputs, issues);
  scopeFromInputs(inputs, INTERACTION_LIMIT_SCOPE_FIELDS, issues);
  const expiry = inputs.expiry === undefined ? DEFAULT_EXPIRY : inputs.expiry;
  const window = inputs.renewWithin;
  if (window !== undefined && !isUnknown(window) && !isUnknown(expiry) && isDuration(window)) {
    checkRenewalWindow('renewWithin', parseDurationSeconds(window), expiry, issues, window);
  }
  return issues;
}

function fail(issues: ValidationIssue[], inputs: Inputs): never {
  throw new SpecValidationError(issues, `InteractionLimit ${describeScopeInputs(inputs)}`);
}

/** The inputs with every default applied (what Pulumi's check returns, what Terraform plans). */
export function resolveInteractionLimitInputs(inputs: Inputs): Resolved {
  const issues = validateInteractionLimitInputs(inputs);
  if (issues.length > 0) fail(issues, inputs);
  const typed = inputs as unknown as InteractionLimitInputs;
  const expiry = typed.expiry ?? DEFAULT_EXPIRY;
  return {
    ...(typed.organization !== undefined ? { organization: typed.organization } : {}),
    ...(typed.repository !== undefined ? { repository: typed.repository } : {}),
    ...(typed.user !== undefined && typed.user !== false ? { user: typed.user } : {}),
    limit: typed.limit,
    expiry,
    renew: typed.renew ?? DEFAULT_RENEWAL_ENABLED,
    renewWithin: typed.renewWithin ?? formatDurationSeconds(defaultRenewalWindowSeconds(expiry)),
    ...(typed.until !== undefined ? { until: typed.until } : {}),
  };
}

/** Builds an InteractionLimit spec with the defaults applied; throws SpecValidationError. */
export function interactionLimitSpec(options: InteractionLimitOptions): InteractionLimitSpec {
  const inputs = options as unknown as Inputs;
  const resolved = resolveInteractionLimitInputs(inputs);
  const target = interactionLimitTarget(inputs);
  return {
    kind: 'InteractionLimit',
    scope: target.scope,
    limit: resolved.limit,
    expiry: resolved.expiry,
    renewal: {
      enabled: resolved.renew,
      windowSeconds: parseDurationSeconds(resolved.renewWithin),
      ...(resolved.until !== undefined ? { until: untilTimestamp(resolved.until) } : {}),
    },
  };
}

/** The target named by the scope inputs (other inputs are ignored); throws SpecValidationError. */
export function interactionLimitTarget(
  options: Pick<InteractionLimitInputs, 'organization' | 'repository' | 'user'>,
): InteractionLimitTarget {
  const inputs = options as Inputs;
  const issues: ValidationIssue[] = [];
  const scope = scopeFromInputs(inputs, INTERACTION_LIMIT_SCOPE_FIELDS, issues);
  if (issues.length > 0 || !scope || isUnknown(scope)) fail(issues, inputs);
  return { kind: 'InteractionLimit', scope };
}

export function isExpiry(value: unknown): value is Expiry {
  return (EXPIRIES as readonly unknown[]).includes(value);
}
