import { ResourceIdError } from './errors';
import type { LimitScope } from './interaction-limit/types';
import { isLogin, isRepositoryName } from './names';

/**
 * Ids are a contract (DESIGN.md): Pulumi ids and Terraform import ids are these strings. A scope
 * is `org/ORG`, `repo/OWNER/NAME` or `user/LOGIN`; a repository alone is `OWNER/NAME`.
 */
export function scopeId(scope: LimitScope): string {
  if (scope.type === 'organization') return `org/${scope.org}`;
  if (scope.type === 'repository') return `repo/${scope.owner}/${scope.repo}`;
  if (scope.login === undefined) {
    throw new Error(
      "An InteractionLimit on the user scope without a login has no id yet (ids are user/LOGIN): declare the login, or plan the resource and use the id of its change, which carries the token's login.",
    );
  }
  return `user/${scope.login}`;
}

/** Parses `org/ORG`, `repo/OWNER/NAME` and (when allowed) `user/LOGIN`. */
export function parseScopeId(
  kind: string,
  id: string,
  forms: readonly string[],
  allowed: readonly LimitScope['type'][],
): LimitScope {
  const fail = (why?: string): never => {
    throw new ResourceIdError(kind, id, forms, why);
  };
  if (typeof id !== 'string' || id === '') return fail();
  const [prefix, ...rest] = id.split('/');
  if (prefix === 'org' && rest.length === 1 && allowed.includes('organization')) {
    return { type: 'organization', org: checkedLogin(rest[0], 'organization', fail) };
  }
  if (prefix === 'repo' && rest.length === 2 && allowed.includes('repository')) {
    const { owner, repo } = parseRepositoryId(rest.join('/'), fail);
    return { type: 'repository', owner, repo };
  }
  if (prefix === 'user' && rest.length === 1 && allowed.includes('user')) {
    return { type: 'user', login: checkedLogin(rest[0], 'user', fail) };
  }
  return fail();
}

/** `OWNER/NAME` → its parts, or `fail` with what is wrong. */
export function parseRepositoryId(
  id: string,
  fail: (why?: string) => never,
): { owner: string; repo: string } {
  if (typeof id !== 'string') return fail();
  const parts = id.split('/');
  if (parts.length !== 2) return fail();
  const [owner, repo] = parts;
  checkedLogin(owner, 'owner', fail);
  if (!isRepositoryName(repo)) fail(`${JSON.stringify(repo)} is not a repository name`);
  return { owner, repo };
}

function checkedLogin(value: string, what: string, fail: (why?: string) => never): string {
  if (!isLogin(value)) fail(`${JSON.stringify(value)} is not a GitHub login for the ${what}`);
  return value;
}
