import { MAX_OPEN_PULL_REQUESTS, MIN_OPEN_PULL_REQUESTS } from '../../github/facts';
import type { ValidationErrorItem } from '../http/results';
import { errorValue } from '../http/results';
import type { EmulatorState } from '../state/emulator-state';
import type { OrgRecord, RepoRecord } from '../state/model';
import type { CreationCapRecord } from './model';

/**
 * The pull-request creation cap of an org or repository
 * (https://docs.github.com/rest/interactions/orgs#get-pull-request-creation-cap-for-an-org).
 * GitHub does not document the value of a cap that was never set; the emulator answers
 * `{enabled: false, max_open_pull_requests: 5, include_drafts: false}` (ASSUMPTION for the first
 * two, docs/emulator.md; drafts not counting is GitHub's documented default, changelog of
 * 2026-06-17).
 */
export const DEFAULT_CREATION_CAP: CreationCapRecord = Object.freeze({
  enabled: false,
  maxOpenPullRequests: 5,
  includeDrafts: false,
});

/** `max_open_pull_requests` bounds from the OpenAPI schema (minimum 1, maximum 1000). */
export { MAX_OPEN_PULL_REQUESTS, MIN_OPEN_PULL_REQUESTS };

/**
 * The cap as GitHub answers it. `include_drafts` is in GitHub's published docs data for the four
 * cap operations (changelog of 2026-06-17) but not yet in @octokit/openapi 23.
 */
export interface CreationCapResponse {
  enabled: boolean;
  max_open_pull_requests: number;
  include_drafts: boolean;
}

export function creationCapOf(target: OrgRecord | RepoRecord): CreationCapResponse {
  const cap = target.creationCap ?? DEFAULT_CREATION_CAP;
  return {
    enabled: cap.enabled,
    max_open_pull_requests: cap.maxOpenPullRequests,
    include_drafts: cap.includeDrafts ?? false,
  };
}

export interface CreationCapPatch {
  readonly enabled?: boolean;
  readonly maxOpenPullRequests?: number;
  readonly includeDrafts?: boolean;
}

const RESOURCE = 'PullRequestCreationCap';

function isValidMax(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_OPEN_PULL_REQUESTS &&
    value <= MAX_OPEN_PULL_REQUESTS
  );
}

/**
 * Validates a PATCH body: `enabled` (boolean) is required, `max_open_pull_requests` an integer
 * 1..1000 and `include_drafts` a boolean when given (a missing one keeps the current value).
 */
export function parseCreationCapPatch(
  body: Record<string, unknown>,
  requireEnabled: boolean,
): { ok: true; patch: CreationCapPatch } | { ok: false; errors: ValidationErrorItem[] } {
  const errors: ValidationErrorItem[] = [];
  const { enabled, max_open_pull_requests: max, include_drafts: includeDrafts } = body;
  if (enabled === undefined && requireEnabled) {
    errors.push({
      resource: RESOURCE,
      field: 'enabled',
      code: 'missing_field',
      message: 'enabled is required (true or false).',
    });
  } else if (enabled !== undefined && typeof enabled !== 'boolean') {
    errors.push({
      resource: RESOURCE,
      field: 'enabled',
      code: 'invalid',
      message: 'enabled must be a boolean.',
      value: errorValue(enabled),
    });
  }
  if (max !== undefined && !isValidMax(max)) {
    errors.push({
      resource: RESOURCE,
      field: 'max_open_pull_requests',
      code: 'invalid',
      message: `max_open_pull_requests must be an integer from ${MIN_OPEN_PULL_REQUESTS} to ${MAX_OPEN_PULL_REQUESTS}.`,
      value: errorValue(max),
    });
  }
  if (includeDrafts !== undefined && typeof includeDrafts !== 'boolean') {
    errors.push({
      resource: RESOURCE,
      field: 'include_drafts',
      code: 'invalid',
      message: 'include_drafts must be a boolean.',
      value: errorValue(includeDrafts),
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      enabled: typeof enabled === 'boolean' ? enabled : undefined,
      maxOpenPullRequests: isValidMax(max) ? max : undefined,
      includeDrafts: typeof includeDrafts === 'boolean' ? includeDrafts : undefined,
    },
  };
}

export function updateCreationCap(
  state: EmulatorState,
  target: OrgRecord | RepoRecord,
  patch: CreationCapPatch,
): CreationCapResponse {
  const current = target.creationCap ?? DEFAULT_CREATION_CAP;
  target.creationCap = {
    enabled: patch.enabled ?? current.enabled,
    maxOpenPullRequests: patch.maxOpenPullRequests ?? current.maxOpenPullRequests,
    includeDrafts: patch.includeDrafts ?? current.includeDrafts ?? false,
  };
  state.changed();
  return creationCapOf(target);
}
