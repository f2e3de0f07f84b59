import type { ScopeOptions } from '../checks';
import { checkKnownOptions, describeScopeOptions, scopeFromOptions } from '../checks';
import { DEFAULT_CAP_ENABLED } from '../defaults';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import type { CapScope, PrCreationCapSpec, TargetOf } from '../types';
import { checkCapSettings } from './validate';

/** Exactly one of organization, repository. */
export interface PrCreationCapOptions {
  readonly organization?: string;
  /** `owner/name`. */
  readonly repository?: string;
  /** @default DEFAULT_CAP_ENABLED (true) */
  readonly enabled?: boolean;
  /** 1–1000; required when enabled. Ignored when disabled: a disabled cap has no maximum. */
  readonly maxOpenPullRequests?: number;
}

const OPTIONS: readonly (keyof PrCreationCapOptions)[] = [
  'organization',
  'repository',
  'enabled',
  'maxOpenPullRequests',
];

/** Builds a PrCreationCap spec with the defaults applied; throws SpecValidationError. */
export function prCreationCapSpec(options: PrCreationCapOptions): PrCreationCapSpec {
  const issues: ValidationIssue[] = [];
  checkKnownOptions(options, OPTIONS, issues);
  const scope = capScope(options, issues);
  const enabled = options.enabled ?? DEFAULT_CAP_ENABLED;
  checkCapSettings(enabled, options.maxOpenPullRequests, issues);
  if (issues.length > 0 || !scope) {
    throw new SpecValidationError(issues, `PrCreationCap ${describeScopeOptions(options)}`);
  }
  return {
    kind: 'PrCreationCap',
    scope,
    enabled,
    ...(options.maxOpenPullRequests !== undefined
      ? { maxOpenPullRequests: options.maxOpenPullRequests }
      : {}),
  };
}

export function prCreationCapTarget(options: {
  readonly organization?: string;
  readonly repository?: string;
}): TargetOf<'PrCreationCap'> {
  const issues: ValidationIssue[] = [];
  checkKnownOptions(options, ['organization', 'repository'], issues);
  const scope = capScope(options, issues);
  if (issues.length > 0 || !scope) {
    throw new SpecValidationError(issues, `PrCreationCap ${describeScopeOptions(options)}`);
  }
  return { kind: 'PrCreationCap', scope };
}

function capScope(options: ScopeOptions, issues: ValidationIssue[]): CapScope | undefined {
  return scopeFromOptions(options, ['organization', 'repository'], issues) as CapScope | undefined;
}
