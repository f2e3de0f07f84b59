import { checkKnownOptions } from '../checks';
import { DEFAULT_BYPASS_USERS } from '../defaults';
import type { ValidationIssue } from '../errors';
import { SpecValidationError } from '../errors';
import { parseRepository } from '../names';
import type { PrBypassListSpec, TargetOf } from '../types';
import { checkBypassUsers } from './validate';

export interface PrBypassListOptions {
  /** `owner/name`. */
  readonly repository: string;
  /**
   * Every login allowed to open pull requests whatever the creation cap says: the declared set is
   * authoritative, logins not in it are removed. At most 100.
   * @default DEFAULT_BYPASS_USERS (empty)
   */
  readonly users?: readonly string[];
}

const OPTIONS: readonly (keyof PrBypassListOptions)[] = ['repository', 'users'];

/** Builds a PrBypassList spec with the defaults applied; throws SpecValidationError. */
export function prBypassListSpec(options: PrBypassListOptions): PrBypassListSpec {
  const issues: ValidationIssue[] = [];
  checkKnownOptions(options, OPTIONS, issues);
  const repository = parseRepository('repository', options.repository, issues);
  const users = options.users ?? DEFAULT_BYPASS_USERS;
  checkBypassUsers('users', users, issues);
  if (issues.length > 0 || !repository) {
    throw new SpecValidationError(issues, `PrBypassList ${String(options.repository)}`);
  }
  return { kind: 'PrBypassList', repository, users: [...users] };
}

export function prBypassListTarget(options: {
  readonly repository: string;
}): TargetOf<'PrBypassList'> {
  const issues: ValidationIssue[] = [];
  const repository = parseRepository('repository', options.repository, issues);
  if (issues.length > 0 || !repository) {
    throw new SpecValidationError(issues, `PrBypassList ${String(options.repository)}`);
  }
  return { kind: 'PrBypassList', repository };
}
