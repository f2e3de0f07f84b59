import { MAX_OPEN_PULL_REQUESTS_RULE, maxOpenPullRequestsSchema } from '../fields';
import { checkBoolean, checkScope } from '../checks';
import type { ValidationIssue } from '../errors';
import { issue } from '../errors';
import { isUnknown } from '../unknown';
import type { PrCreationCapSpec, PrCreationCapTarget } from './types';

const SCOPES = ['organization', 'repository'] as const;

export function validatePrCreationCapSpec(spec: PrCreationCapSpec): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', spec.scope, SCOPES, issues);
  checkBoolean('enabled', spec.enabled, issues);
  if (
    spec.maxOpenPullRequests !== undefined &&
    !maxOpenPullRequestsSchema.safeParse(spec.maxOpenPullRequests).success
  ) {
    issues.push(
      issue('maxOpenPullRequests', spec.maxOpenPullRequests, MAX_OPEN_PULL_REQUESTS_RULE),
    );
  }
  if (spec.includeDrafts !== undefined) checkBoolean('includeDrafts', spec.includeDrafts, issues);
  checkCapRequired(spec.enabled, spec.maxOpenPullRequests, issues);
  return issues;
}

export function validatePrCreationCapTarget(target: PrCreationCapTarget): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScope('scope', target.scope, SCOPES, issues);
  return issues;
}

/** `maxOpenPullRequests` is required when the cap is enabled (an unknown one will be checked later). */
export function checkCapRequired(
  enabled: unknown,
  maxOpenPullRequests: unknown,
  issues: ValidationIssue[],
): void {
  if (enabled === true && maxOpenPullRequests === undefined && !isUnknown(maxOpenPullRequests)) {
    issues.push({
      path: 'maxOpenPullRequests',
      value: undefined,
      expected: `${MAX_OPEN_PULL_REQUESTS_RULE} when enabled is true`,
      message: `[maxOpenPullRequests] is required when the cap is enabled; expected ${MAX_OPEN_PULL_REQUESTS_RULE}`,
    });
  }
}
