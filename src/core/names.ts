import type { RepositoryRef } from '../github';
import {
  LOGIN_PATTERN,
  LOGIN_RULE,
  REPOSITORY_NAME_PATTERN,
  REPOSITORY_NAME_RULE,
} from '../github/facts';
import type { ValidationIssue } from './errors';
import { issue } from './errors';

export { LOGIN_PATTERN, LOGIN_RULE, REPOSITORY_NAME_PATTERN, REPOSITORY_NAME_RULE };
export const REPOSITORY_RULE = `owner/name (owner: ${LOGIN_RULE}; name: ${REPOSITORY_NAME_RULE})`;

export function isLogin(value: unknown): value is string {
  return typeof value === 'string' && LOGIN_PATTERN.test(value);
}

export function isRepositoryName(value: unknown): value is string {
  return typeof value === 'string' && REPOSITORY_NAME_PATTERN.test(value);
}

/** Logins are case-insensitive on GitHub; this is the one comparison key used everywhere. */
export function loginKey(login: string): string {
  return login.toLowerCase();
}

export function checkLogin(path: string, value: unknown, issues: ValidationIssue[]): void {
  if (!isLogin(value)) issues.push(issue(path, value, LOGIN_RULE));
}

/** `owner/name` → a reference, or an issue naming what is wrong with it. */
export function parseRepository(
  path: string,
  value: unknown,
  issues: ValidationIssue[],
): RepositoryRef | undefined {
  if (typeof value !== 'string') {
    issues.push(issue(path, value, REPOSITORY_RULE));
    return undefined;
  }
  const parts = value.split('/');
  if (parts.length !== 2) {
    issues.push(issue(path, value, REPOSITORY_RULE));
    return undefined;
  }
  const [owner, repo] = parts;
  return checkRepositoryParts(path, value, owner, repo, issues) ? { owner, repo } : undefined;
}

/** Checks an already split reference, reporting it as one `owner/name` value. */
export function checkRepositoryRef(
  path: string,
  ref: unknown,
  issues: ValidationIssue[],
): ref is RepositoryRef {
  const candidate = ref as Partial<RepositoryRef> | undefined;
  if (!candidate || typeof candidate !== 'object') {
    issues.push(issue(path, ref, `{ owner, repo }: ${REPOSITORY_RULE}`));
    return false;
  }
  const shown = `${String(candidate.owner)}/${String(candidate.repo)}`;
  return checkRepositoryParts(path, shown, candidate.owner, candidate.repo, issues);
}

function checkRepositoryParts(
  path: string,
  shown: string,
  owner: unknown,
  repo: unknown,
  issues: ValidationIssue[],
): boolean {
  if (!isLogin(owner)) {
    issues.push(
      issue(
        path,
        shown,
        REPOSITORY_RULE,
        `is not allowed (the owner ${JSON.stringify(owner ?? '')} is not a GitHub login)`,
      ),
    );
    return false;
  }
  if (!isRepositoryName(repo)) {
    issues.push(
      issue(
        path,
        shown,
        REPOSITORY_RULE,
        `is not allowed (the name ${JSON.stringify(repo ?? '')} is not a repository name)`,
      ),
    );
    return false;
  }
  return true;
}

/** `owner/name` with a valid owner and name. */
export function isRepositoryFullName(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  return parts.length === 2 && isLogin(parts[0]) && isRepositoryName(parts[1]);
}
