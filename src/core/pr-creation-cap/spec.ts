import { checkFields } from '../attributes';
import { describeScopeInputs, scopeFromInputs } from '../checks';
import { DEFAULT_CAP_ENABLED, DEFAULT_INCLUDE_DRAFTS } from '../defaults';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import { isUnknown } from '../unknown';
import { PR_CREATION_CAP_FIELDS, PR_CREATION_CAP_SCOPE_FIELDS } from './schema';
import type {
  CapScope,
  PrCreationCapInputs,
  PrCreationCapSpec,
  PrCreationCapTarget,
} from './types';
import { checkCapRequired } from './validate';

/** Exactly one of organization, repository. */
export type PrCreationCapOptions = PrCreationCapInputs;
type Inputs = Readonly<Record<string, unknown>>;

export function validatePrCreationCapInputs(inputs: Inputs): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkFields(PR_CREATION_CAP_FIELDS, inputs, issues);
  scopeFromInputs(inputs, PR_CREATION_CAP_SCOPE_FIELDS, issues);
  const enabled = inputs.enabled === undefined ? DEFAULT_CAP_ENABLED : inputs.enabled;
  if (!isUnknown(enabled)) checkCapRequired(enabled, inputs.maxOpenPullRequests, issues);
  return issues;
}

function fail(issues: ValidationIssue[], inputs: Inputs): never {
  throw new SpecValidationError(issues, `PrCreationCap ${describeScopeInputs(inputs)}`);
}

export function resolvePrCreationCapInputs(
  inputs: Inputs,
): PrCreationCapInputs & { enabled: boolean; includeDrafts: boolean } {
  const issues = validatePrCreationCapInputs(inputs);
  if (issues.length > 0) fail(issues, inputs);
  const typed = inputs as PrCreationCapInputs;
  return {
    ...(typed.organization !== undefined ? { organization: typed.organization } : {}),
    ...(typed.repository !== undefined ? { repository: typed.repository } : {}),
    enabled: typed.enabled ?? DEFAULT_CAP_ENABLED,
    ...(typed.maxOpenPullRequests !== undefined
      ? { maxOpenPullRequests: typed.maxOpenPullRequests }
      : {}),
    includeDrafts: typed.includeDrafts ?? DEFAULT_INCLUDE_DRAFTS,
  };
}

/** Builds a PrCreationCap spec with the defaults applied; throws SpecValidationError. */
export function prCreationCapSpec(options: PrCreationCapOptions): PrCreationCapSpec {
  const inputs = options as Inputs;
  const resolved = resolvePrCreationCapInputs(inputs);
  return {
    kind: 'PrCreationCap',
    scope: prCreationCapTarget(inputs).scope,
    enabled: resolved.enabled,
    ...(resolved.maxOpenPullRequests !== undefined
      ? { maxOpenPullRequests: resolved.maxOpenPullRequests }
      : {}),
    includeDrafts: resolved.includeDrafts,
  };
}

export function prCreationCapTarget(
  options: Pick<PrCreationCapInputs, 'organization' | 'repository'>,
): PrCreationCapTarget {
  const inputs = options as Inputs;
  const issues: ValidationIssue[] = [];
  const scope = scopeFromInputs(inputs, PR_CREATION_CAP_SCOPE_FIELDS, issues);
  if (issues.length > 0 || !scope || isUnknown(scope)) fail(issues, inputs);
  return { kind: 'PrCreationCap', scope: scope as CapScope };
}
