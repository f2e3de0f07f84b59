import type { ValidationIssue } from './errors';
import { SpecValidationError, issue } from './errors';
import { RESOURCE_KINDS, anyKindContract, isResourceKind } from './registry';
import type { DesiredResource, ResourceSpec, ResourceTarget } from './types';

/** Every problem with a spec given as data (specs built by the builders are already valid). */
export function validateSpec(spec: ResourceSpec): ValidationIssue[] {
  if (!isResourceKind(spec?.kind)) return [kindIssue(spec)];
  return anyKindContract(spec.kind).validateSpec(spec);
}

export function validateTarget(target: ResourceTarget): ValidationIssue[] {
  if (!isResourceKind(target?.kind)) return [kindIssue(target)];
  return anyKindContract(target.kind).validateTarget(target);
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
