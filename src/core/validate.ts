import type { ValidationIssue } from './errors';
import { SpecValidationError, issue } from './errors';
import { RESOURCE_KINDS } from './ids';
import {
  validateInteractionLimitSpec,
  validateInteractionLimitTarget,
} from './interaction-limit/validate';
import { validatePrBypassListSpec, validatePrBypassListTarget } from './pr-bypass-list/validate';
import { validatePrCreationCapSpec, validatePrCreationCapTarget } from './pr-creation-cap/validate';
import type { DesiredResource, ResourceSpec, ResourceTarget } from './types';

/** Every problem with a spec given as data (specs built by the builders are already valid). */
export function validateSpec(spec: ResourceSpec): ValidationIssue[] {
  switch (spec?.kind) {
    case 'InteractionLimit':
      return validateInteractionLimitSpec(spec);
    case 'PrBypassList':
      return validatePrBypassListSpec(spec);
    case 'PrCreationCap':
      return validatePrCreationCapSpec(spec);
    default:
      return [kindIssue(spec)];
  }
}

export function validateTarget(target: ResourceTarget): ValidationIssue[] {
  switch (target?.kind) {
    case 'InteractionLimit':
      return validateInteractionLimitTarget(target);
    case 'PrBypassList':
      return validatePrBypassListTarget(target);
    case 'PrCreationCap':
      return validatePrCreationCapTarget(target);
    default:
      return [kindIssue(target)];
  }
}

export function validateDesired(desired: DesiredResource): ValidationIssue[] {
  if (desired?.ensure === 'present') return validateSpec(desired.spec);
  if (desired?.ensure === 'absent') return validateTarget(desired.target);
  return [issue('ensure', (desired as { ensure?: unknown })?.ensure, 'present or absent')];
}

/** Throws SpecValidationError listing every problem; returns the spec when it is valid. */
export function assertValidSpec<S extends ResourceSpec>(spec: S): S {
  const issues = validateSpec(spec);
  if (issues.length > 0) throw new SpecValidationError(issues, spec?.kind ?? 'resource');
  return spec;
}

function kindIssue(value: unknown): ValidationIssue {
  return issue('kind', (value as { kind?: unknown })?.kind, `one of ${RESOURCE_KINDS.join(', ')}`);
}
