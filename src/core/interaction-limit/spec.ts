import type { Expiry, LimitType } from '../../github';
import { EXPIRIES, LIMIT_TYPES } from '../../github';
import type { ScopeOptions } from '../checks';
import {
  checkBoolean,
  checkKnownOptions,
  checkOneOf,
  checkRenewalWindow,
  describeScopeOptions,
  scopeFromOptions,
} from '../checks';
import { DEFAULT_EXPIRY, DEFAULT_RENEWAL_ENABLED, defaultRenewalWindowSeconds } from '../defaults';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import type { InteractionLimitSpec, LimitScope, TargetOf } from '../types';

/** Flat options, as front doors take them. Exactly one of organization, repository, user. */
export interface InteractionLimitOptions extends ScopeOptions {
  /** An organization login. */
  readonly organization?: string;
  /** `owner/name`. */
  readonly repository?: string;
  /**
   * The token's user: `true`, or its login (checked against the token when planned).
   * Limits all of that user's public repositories.
   */
  readonly user?: string | boolean;
  readonly limit: LimitType;
  /** @default DEFAULT_EXPIRY (`six_months`) */
  readonly expiry?: Expiry;
  /**
   * Re-apply the limit when it is missing or expiring. `false` makes it a one-off that lapses.
   * @default DEFAULT_RENEWAL_ENABLED (true)
   */
  readonly renewal?: boolean;
  /** Renew when the limit expires within this many seconds. @default defaultRenewalWindowSeconds(expiry) */
  readonly renewalWindowSeconds?: number;
}

const OPTIONS: readonly (keyof InteractionLimitOptions)[] = [
  'organization',
  'repository',
  'user',
  'limit',
  'expiry',
  'renewal',
  'renewalWindowSeconds',
];

/** Builds an InteractionLimit spec with the defaults applied; throws SpecValidationError. */
export function interactionLimitSpec(options: InteractionLimitOptions): InteractionLimitSpec {
  const issues: ValidationIssue[] = [];
  checkKnownOptions(options, OPTIONS, issues);
  const scope = scopeFromOptions(options, ['organization', 'repository', 'user'], issues);
  const expiry = options.expiry ?? DEFAULT_EXPIRY;
  checkOneOf('limit', options.limit, LIMIT_TYPES, issues);
  const expiryValid = checkOneOf('expiry', expiry, EXPIRIES, issues);
  const enabled = options.renewal ?? DEFAULT_RENEWAL_ENABLED;
  checkBoolean('renewal', enabled, issues);
  const windowSeconds =
    options.renewalWindowSeconds ?? (expiryValid ? defaultRenewalWindowSeconds(expiry) : 1);
  checkRenewalWindow('renewalWindowSeconds', windowSeconds, expiry, issues);
  if (issues.length > 0 || !scope) {
    throw new SpecValidationError(issues, `InteractionLimit ${describeScopeOptions(options)}`);
  }
  return {
    kind: 'InteractionLimit',
    scope,
    limit: options.limit,
    expiry,
    renewal: { enabled, windowSeconds },
  };
}

/** The target of an InteractionLimit from the same scope options; throws SpecValidationError. */
export function interactionLimitTarget(options: ScopeOptions): TargetOf<'InteractionLimit'> {
  const issues: ValidationIssue[] = [];
  checkKnownOptions(options, ['organization', 'repository', 'user'], issues);
  const scope: LimitScope | undefined = scopeFromOptions(
    options,
    ['organization', 'repository', 'user'],
    issues,
  );
  if (issues.length > 0 || !scope) {
    throw new SpecValidationError(issues, `InteractionLimit ${describeScopeOptions(options)}`);
  }
  return { kind: 'InteractionLimit', scope };
}
