import { checkFields } from '../attributes';
import { DEFAULT_BYPASS_USERS } from '../defaults';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import { parseRepository } from '../names';
import { PR_BYPASS_LIST_FIELDS } from './schema';
import type { PrBypassListInputs, PrBypassListSpec, PrBypassListTarget } from './types';

export type PrBypassListOptions = PrBypassListInputs;
type Inputs = Readonly<Record<string, unknown>>;

export function validatePrBypassListInputs(inputs: Inputs): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkFields(PR_BYPASS_LIST_FIELDS, inputs, issues);
  return issues;
}

function fail(issues: ValidationIssue[], inputs: Inputs): never {
  throw new SpecValidationError(issues, `PrBypassList ${String(inputs.repository)}`);
}

export function resolvePrBypassListInputs(inputs: Inputs): Required<PrBypassListInputs> {
  const issues = validatePrBypassListInputs(inputs);
  if (issues.length > 0) fail(issues, inputs);
  const typed = inputs as unknown as PrBypassListInputs;
  return { repository: typed.repository, users: [...(typed.users ?? DEFAULT_BYPASS_USERS)] };
}

/** Builds a PrBypassList spec with the defaults applied; throws SpecValidationError. */
export function prBypassListSpec(options: PrBypassListOptions): PrBypassListSpec {
  const resolved = resolvePrBypassListInputs(options as unknown as Inputs);
  return {
    kind: 'PrBypassList',
    repository: prBypassListTarget(resolved).repository,
    users: resolved.users,
  };
}

export function prBypassListTarget(options: { readonly repository: string }): PrBypassListTarget {
  const issues: ValidationIssue[] = [];
  const repository = parseRepository('repository', options.repository, issues);
  if (issues.length > 0 || !repository) fail(issues, options);
  return { kind: 'PrBypassList', repository };
}
