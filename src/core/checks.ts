import type { Expiry } from '../github';
import { EXPIRIES } from '../github';
import type { FieldDefinition } from './attributes';
import { checkField } from './attributes';
import { EXPIRY_MIN_SECONDS, isCalendarExpiry } from '../github/facts';
import type { ValidationIssue } from './errors';
import { describeValue, issue, joinOr } from './errors';
import { checkLogin, checkRepositoryRef } from './names';
import type { CapScope, LimitScope } from './types';
import type { Unknown } from './unknown';
import { UNKNOWN, isUnknown } from './unknown';

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
  /** The value as declared (`3d`), when it was given as a duration. */
  shown: unknown = windowSeconds,
): void {
  const knownExpiry = (EXPIRIES as readonly unknown[]).includes(expiry)
    ? (expiry as Expiry)
    : undefined;
  const bound = knownExpiry
    ? `shorter than the expiry ${knownExpiry} (${isCalendarExpiry(knownExpiry) ? 'at least ' : ''}${EXPIRY_MIN_SECONDS[knownExpiry]} seconds)`
    : 'shorter than the expiry';
  const expected = `a number of seconds > 0 and ${bound}`;
  if (typeof windowSeconds !== 'number' || !Number.isFinite(windowSeconds) || windowSeconds <= 0) {
    issues.push(issue(path, shown, expected));
    return;
  }
  if (knownExpiry && windowSeconds >= EXPIRY_MIN_SECONDS[knownExpiry]) {
    issues.push(issue(path, shown, expected, 'is too long'));
  }
}

export type ScopeKey = 'organization' | 'repository' | 'user';

const SCOPE_FORMS: Record<ScopeKey, string> = {
  organization: 'organization',
  repository: 'repository (owner/name)',
  user: "user (the token's user)",
};

/**
 * Exactly one of the scope inputs, turned into a scope: the scope, `UNKNOWN` when the one given is
 * not known yet, or undefined after pushing issues. An unknown value counts as given.
 */
export function scopeFromInputs(
  inputs: Readonly<Record<string, unknown>>,
  fields: readonly FieldDefinition[],
  issues: ValidationIssue[],
): LimitScope | Unknown | undefined {
  const allowed = fields.map((f) => f.name as ScopeKey);
  const given = allowed.filter((key) => inputs[key] !== undefined && inputs[key] !== false);
  const expected = `exactly one scope: ${joinOr(allowed.map((k) => SCOPE_FORMS[k]))}`;
  if (given.length !== 1) {
    const path = (given.length ? given : allowed).join(', ');
    const shown = (k: ScopeKey) =>
      isUnknown(inputs[k]) ? '(not known yet)' : describeValue(inputs[k]);
    const received = given.length
      ? `${given.map((k) => `${k} ${shown(k)}`).join(' and ')} are all set`
      : 'no scope is set';
    issues.push({
      path,
      value: given.length ? Object.fromEntries(given.map((k) => [k, inputs[k]])) : undefined,
      expected,
      message: `[${path}] ${received}; expected ${expected}`,
    });
    return undefined;
  }
  const key = given[0];
  const value = inputs[key];
  if (isUnknown(value)) return UNKNOWN;
  const before = issues.length;
  checkField(fields[allowed.indexOf(key)], value, issues);
  if (issues.length !== before) return undefined;
  if (key === 'organization') return { type: 'organization', org: value as string };
  if (key === 'repository') {
    const [owner, repo] = (value as string).split('/');
    return { type: 'repository', owner, repo };
  }
  return typeof value === 'string' ? { type: 'user', login: value } : { type: 'user' };
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

/** How a resource is named in errors: its id, when its scope is known. */
export function describeScopeInputs(inputs: Readonly<Record<string, unknown>>): string {
  if (typeof inputs.organization === 'string') return `org/${inputs.organization}`;
  if (typeof inputs.repository === 'string') return `repo/${inputs.repository}`;
  if (typeof inputs.user === 'string') return `user/${inputs.user}`;
  if (inputs.user === true) return 'user';
  return '(no scope)';
}
