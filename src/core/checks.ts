import type { Expiry } from '../github';
import { EXPIRIES } from '../github';
import { EXPIRY_SECONDS } from './defaults';
import type { ValidationIssue } from './errors';
import { describeValue, issue, joinOr } from './errors';
import { LOGIN_RULE, checkLogin, checkRepositoryRef, parseRepository } from './names';
import type { CapScope, LimitScope } from './types';

/** Field checks shared by the three kinds; each pushes issues, never throws. */

export function checkOneOf<T extends string>(
  path: string,
  value: unknown,
  allowed: readonly T[],
  issues: ValidationIssue[],
): value is T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
  issues.push(issue(path, value, `one of ${allowed.join(', ')}`));
  return false;
}

export function checkBoolean(path: string, value: unknown, issues: ValidationIssue[]): boolean {
  if (typeof value === 'boolean') return true;
  issues.push(issue(path, value, 'true or false'));
  return false;
}

/** A renewal window is positive and shorter than the expiry, or a fresh limit would be "expiring". */
export function checkRenewalWindow(
  path: string,
  windowSeconds: unknown,
  expiry: unknown,
  issues: ValidationIssue[],
): void {
  const knownExpiry = (EXPIRIES as readonly unknown[]).includes(expiry)
    ? (expiry as Expiry)
    : undefined;
  const bound = knownExpiry
    ? `shorter than the expiry ${knownExpiry} (${EXPIRY_SECONDS[knownExpiry]} seconds)`
    : 'shorter than the expiry';
  const expected = `a number of seconds > 0 and ${bound}`;
  if (typeof windowSeconds !== 'number' || !Number.isFinite(windowSeconds) || windowSeconds <= 0) {
    issues.push(issue(path, windowSeconds, expected));
    return;
  }
  if (knownExpiry && windowSeconds >= EXPIRY_SECONDS[knownExpiry]) {
    issues.push(issue(path, windowSeconds, expected, 'is too long'));
  }
}

/** Rejects option names the builder does not know, so a typo is not silently ignored. */
export function checkKnownOptions(
  options: object,
  known: readonly string[],
  issues: ValidationIssue[],
): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      issues.push({
        path: key,
        value: (options as Record<string, unknown>)[key],
        expected: `one of the options ${known.join(', ')}`,
        message: `[${key}] is not a known option; expected one of ${known.join(', ')}`,
      });
    }
  }
}

export interface ScopeOptions {
  readonly organization?: string;
  readonly repository?: string;
  readonly user?: string | boolean;
}

type ScopeKey = keyof ScopeOptions;

/**
 * Exactly one of the scope options, turned into a scope. `user: true` is the token's user;
 * `user: "login"` is the token's user too, checked to be that login when planned.
 */
export function scopeFromOptions(
  options: ScopeOptions,
  allowed: readonly ScopeKey[],
  issues: ValidationIssue[],
): LimitScope | undefined {
  const given = allowed.filter((key) => {
    const value = options[key];
    return value !== undefined && value !== false;
  });
  const forms: Record<ScopeKey, string> = {
    organization: 'organization',
    repository: 'repository (owner/name)',
    user: "user (the token's user)",
  };
  const expected = `exactly one scope: ${joinOr(allowed.map((k) => forms[k]))}`;
  if (given.length !== 1) {
    const path = (given.length ? given : allowed).join(', ');
    const received = given.length
      ? `${given.map((k) => `${k} ${describeValue(options[k])}`).join(' and ')} are all set`
      : 'no scope is set';
    issues.push({
      path,
      value: given.length ? Object.fromEntries(given.map((k) => [k, options[k]])) : undefined,
      expected,
      message: `[${path}] ${received}; expected ${expected}`,
    });
    return undefined;
  }
  const key = given[0];
  const value = options[key];
  if (key === 'organization') {
    const before = issues.length;
    checkLogin('organization', value, issues);
    return issues.length === before ? { type: 'organization', org: value as string } : undefined;
  }
  if (key === 'repository') {
    const ref = parseRepository('repository', value, issues);
    return ref ? { type: 'repository', owner: ref.owner, repo: ref.repo } : undefined;
  }
  if (value === true) return { type: 'user' };
  const before = issues.length;
  if (typeof value !== 'string') {
    issues.push(issue('user', value, `true (the token's user) or ${LOGIN_RULE}`));
  } else {
    checkLogin('user', value, issues);
  }
  return issues.length === before ? { type: 'user', login: value as string } : undefined;
}

/** Checks a scope given as data (a spec or a target). */
export function checkScope(
  path: string,
  scope: unknown,
  allowed: readonly LimitScope['type'][],
  issues: ValidationIssue[],
): scope is LimitScope | CapScope {
  const candidate = scope as { type?: unknown } | undefined;
  if (!candidate || typeof candidate !== 'object') {
    issues.push(issue(path, scope, `a scope: { type: ${allowed.join(' | ')}, … }`));
    return false;
  }
  if (!checkOneOf(`${path}.type`, candidate.type, allowed, issues)) return false;
  const before = issues.length;
  const typed = candidate as LimitScope;
  if (typed.type === 'organization') checkLogin(`${path}.org`, typed.org, issues);
  if (typed.type === 'repository') checkRepositoryRef(path, typed, issues);
  if (typed.type === 'user' && typed.login !== undefined)
    checkLogin(`${path}.login`, typed.login, issues);
  return issues.length === before;
}

/** How a resource built from scope options is named in errors: its id, when there is one. */
export function describeScopeOptions(options: ScopeOptions): string {
  if (typeof options.organization === 'string') return `org/${options.organization}`;
  if (typeof options.repository === 'string') return `repo/${options.repository}`;
  if (typeof options.user === 'string') return `user/${options.user}`;
  if (options.user === true) return 'user';
  return '(no scope)';
}
