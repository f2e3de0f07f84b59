import type { ResourceKind } from './types';
import { formatFailureGroups, groupFailures } from './failures';

/**
 * One problem with a declared resource: the field path, the value received, what is allowed.
 * Front doors prefix `path` with their own position (a policy file line, a Pulumi property).
 */
export interface ValidationIssue {
  /** Field path in the options or spec, e.g. `limit`, `users[3]`, `renewal.windowSeconds`. */
  readonly path: string;
  /** The value received (`undefined` when the field is missing). */
  readonly value: unknown;
  /** What is allowed, in words. */
  readonly expected: string;
  /** `[path] "value" is not allowed; expected …` */
  readonly message: string;
  /** The resource the issue belongs to, when known (`InteractionLimit repo/acme/api`). */
  readonly resource?: string;
}

/** Renders a received value the way messages quote it: strings in quotes, the rest as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function issue(
  path: string,
  value: unknown,
  expected: string,
  problem?: string,
): ValidationIssue {
  const what = problem ?? 'is not allowed';
  const received = value === undefined ? 'is required' : `${describeValue(value)} ${what}`;
  return { path, value, expected, message: `[${path}] ${received}; expected ${expected}` };
}

/** Misuse of a declared resource: thrown before anything is read or written. */
export class SpecValidationError extends Error {
  override readonly name = 'SpecValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], subject?: string) {
    const lines = issues.map((i) => `  ${i.resource ? `${i.resource}: ` : ''}${i.message}`);
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const head = `${subject ?? 'The declared resources'} ${subject ? 'is' : 'are'} invalid (${count})`;
    super(`${head}:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

/** A resource id that matches none of the forms DESIGN.md fixes for its kind. */
export class ResourceIdError extends Error {
  override readonly name = 'ResourceIdError';
  readonly kind: string;
  readonly id: unknown;
  readonly acceptedForms: readonly string[];

  constructor(kind: string, id: unknown, acceptedForms: readonly string[], why?: string) {
    super(
      `${describeValue(id)} is not a valid ${kind} id${why ? ` (${why})` : ''}; expected ${joinOr(acceptedForms)}.`,
    );
    this.kind = kind;
    this.id = id;
    this.acceptedForms = acceptedForms;
  }
}

/** Two declared resources with the same kind and id (GitHub names are case-insensitive). */
export class DuplicateResourceError extends Error {
  override readonly name = 'DuplicateResourceError';
  readonly duplicates: readonly { kind: ResourceKind; id: string; sources: readonly string[] }[];

  constructor(
    duplicates: readonly { kind: ResourceKind; id: string; sources: readonly string[] }[],
  ) {
    const lines = duplicates.map(
      (d) => `  ${d.kind} ${d.id} is declared ${d.sources.length} times (${d.sources.join(', ')})`,
    );
    super(
      `Each resource may be declared once; remove or merge the duplicates:\n${lines.join('\n')}`,
    );
    this.duplicates = duplicates;
  }
}

/** The `user` scope names a login that is not the token's user. */
export class UserScopeMismatchError extends Error {
  override readonly name = 'UserScopeMismatchError';
  readonly declaredLogin: string;
  readonly tokenLogin: string;

  constructor(declaredLogin: string, tokenLogin: string) {
    super(
      `[user] ${JSON.stringify(declaredLogin)} is not the token's user: the token belongs to ${JSON.stringify(tokenLogin)}. ` +
        `The user scope limits the public repositories of the token's own user (GET /user/interaction-limits); ` +
        `use a token of ${declaredLogin}, or declare user ${JSON.stringify(tokenLogin)}.`,
    );
    this.declaredLogin = declaredLogin;
    this.tokenLogin = tokenLogin;
  }
}

/**
 * Reading GitHub failed for one or more declared resources, so no plan could be made. The
 * message has one line per cause (the same refusal of 400 resources is one line, with the count
 * and the first few), and says how many of how many resources could not be read.
 */
export class ObservationError extends Error {
  override readonly name = 'ObservationError';
  readonly failures: readonly { kind: ResourceKind; id: string; error: Error }[];
  /** Resources the plan declared (readable or not), when known. */
  readonly total?: number;

  constructor(
    failures: readonly { kind: ResourceKind; id: string; error: Error }[],
    total?: number,
  ) {
    const lines = formatFailureGroups(groupFailures(failures));
    const n = failures.length;
    const what =
      total !== undefined && total === n
        ? n === 1
          ? 'the one declared resource could not be read from GitHub'
          : `all ${n} declared resources could not be read from GitHub`
        : total !== undefined
          ? `${n} of ${total} declared resources could not be read from GitHub`
          : `${n === 1 ? 'one declared resource' : `${n} declared resources`} could not be read from GitHub`;
    super(`Nothing was planned: ${what}:\n${lines.join('\n')}`);
    this.failures = failures;
    if (total !== undefined) this.total = total;
  }
}

export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
