import { BYPASS_LIST_MAX_USERS } from '../../github';
import type { ValidationIssue } from '../errors';
import { issue } from '../errors';
import { LOGIN_RULE, checkLogin, checkRepositoryRef, loginKey } from '../names';
import { isUnknown } from '../unknown';
import type { PrBypassListSpec, PrBypassListTarget } from './types';

export function validatePrBypassListSpec(spec: PrBypassListSpec): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkRepositoryRef('repository', spec.repository, issues);
  checkBypassUsers('users', spec.users, issues);
  return issues;
}

export function validatePrBypassListTarget(target: PrBypassListTarget): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkRepositoryRef('repository', target.repository, issues);
  return issues;
}

/** A list of at most 100 GitHub logins, each once (ignoring letter case); unknown ones deferred. */
export function checkBypassUsers(path: string, users: unknown, issues: ValidationIssue[]): void {
  if (!Array.isArray(users)) {
    issues.push(
      issue(path, users, `a list of at most ${BYPASS_LIST_MAX_USERS} logins (${LOGIN_RULE})`),
    );
    return;
  }
  if (users.length > BYPASS_LIST_MAX_USERS) {
    const expected = `at most ${BYPASS_LIST_MAX_USERS} logins (GitHub's bypass list holds at most ${BYPASS_LIST_MAX_USERS} users)`;
    issues.push({
      path,
      value: users,
      expected,
      message: `[${path}] ${users.length} logins are too many; expected ${expected}`,
    });
  }
  const firstSeen = new Map<string, { index: number; login: string }>();
  users.forEach((login: unknown, index) => {
    if (isUnknown(login)) return;
    const before = issues.length;
    checkLogin(`${path}[${index}]`, login, issues);
    if (issues.length !== before) return;
    const key = loginKey(login as string);
    const first = firstSeen.get(key);
    if (!first) {
      firstSeen.set(key, { index, login: login as string });
      return;
    }
    const spellings =
      first.login === login
        ? `${JSON.stringify(login)} is listed twice`
        : `${JSON.stringify(first.login)} and ${JSON.stringify(login)} are the same login (logins are case-insensitive)`;
    issues.push({
      path: `${path}[${index}]`,
      value: login,
      expected: 'each login once',
      message: `[${path}[${index}]] ${spellings}, also at ${path}[${first.index}]; expected each login once`,
    });
  });
}
