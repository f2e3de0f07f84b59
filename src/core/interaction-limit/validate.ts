import { EXPIRIES, LIMIT_TYPES } from '../../github';
import { checkBoolean, checkOneOf, checkRenewalWindow, checkScope } from '../checks';
import type { ValidationIssue } from '../errors';
import { issue } from '../errors';
import { UNTIL_RULE, untilSchema } from '../fields';
import type { InteractionLimitSpec, InteractionLimitTarget } from './types';

const SCOPES = ['organization', 'repository', 'user'] as const;

/** Every problem with an InteractionLimit spec given as data; empty when it is valid. */
export function validateInteractionLimitSpec(spec: InteractionLimitSpec): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', spec.scope, SCOPES, issues);
  checkOneOf('limit', spec.limit, LIMIT_TYPES, issues);
  checkOneOf('expiry', spec.expiry, EXPIRIES, issues);
  const renewal = spec.renewal as Partial<InteractionLimitSpec['renewal']> | undefined;
  if (!renewal || typeof renewal !== 'object') {
    issues.push(issue('renewal', renewal, '{ enabled: boolean, windowSeconds: number }'));
  } else {
    checkBoolean('renewal.enabled', renewal.enabled, issues);
    checkRenewalWindow('renewal.windowSeconds', renewal.windowSeconds, spec.expiry, issues);
    if (renewal.until !== undefined && !untilSchema.safeParse(renewal.until).success) {
      issues.push(issue('renewal.until', renewal.until, UNTIL_RULE));
    }
  }
  return issues;
}

export function validateInteractionLimitTarget(target: InteractionLimitTarget): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', target.scope, SCOPES, issues);
  return issues;
}
