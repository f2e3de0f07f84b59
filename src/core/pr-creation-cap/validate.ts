import { MAX_OPEN_PULL_REQUESTS, MIN_OPEN_PULL_REQUESTS } from '../../github';
import { checkBoolean, checkScope } from '../checks';
import type { ValidationIssue } from '../errors';
import { issue } from '../errors';
import type { PrCreationCapSpec, TargetOf } from '../types';

const SCOPES = ['organization', 'repository'] as const;

export function validatePrCreationCapSpec(spec: PrCreationCapSpec): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', spec.scope, SCOPES, issues);
  checkCapSettings(spec.enabled, spec.maxOpenPullRequests, issues);
  return issues;
}

export function validatePrCreationCapTarget(target: TargetOf<'PrCreationCap'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', target.scope, SCOPES, issues);
  return issues;
}

export const MAX_OPEN_PULL_REQUESTS_RULE = `an integer from ${MIN_OPEN_PULL_REQUESTS} to ${MAX_OPEN_PULL_REQUESTS}`;

/** `maxOpenPullRequests` is required when the cap is enabled, and in range whenever given. */
export function checkCapSettings(
  enabled: unknown,
  maxOpenPullRequests: unknown,
  issues: ValidationIssue[],
): void {
  checkBoolean('enabled', enabled, issues);
  if (maxOpenPullRequests === undefined) {
    if (enabled === true) {
      issues.push({
        path: 'maxOpenPullRequests',
        value: undefined,
        expected: `${MAX_OPEN_PULL_REQUESTS_RULE} when enabled is true`,
        message: `[maxOpenPullRequests] is required when the cap is enabled; expected ${MAX_OPEN_PULL_REQUESTS_RULE}`,
      });
    }
    return;
  }
  if (
    typeof maxOpenPullRequests !== 'number' ||
    !Number.isInteger(maxOpenPullRequests) ||
    maxOpenPullRequests < MIN_OPEN_PULL_REQUESTS ||
    maxOpenPullRequests > MAX_OPEN_PULL_REQUESTS
  ) {
    issues.push(issue('maxOpenPullRequests', maxOpenPullRequests, MAX_OPEN_PULL_REQUESTS_RULE));
  }
}
