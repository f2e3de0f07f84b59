import type { ValidationIssue } from './errors';
import { ResourceIdError } from './errors';
import { isLogin, isRepositoryName } from './names';
import type { DesiredResource, ResourceKind, ResourceSpec, ResourceTarget } from './types';

/**
 * Resource ids are a contract (DESIGN.md): Pulumi ids and Terraform import ids are these strings.
 * InteractionLimit `org/ORG`, `repo/OWNER/NAME`, `user/LOGIN`; PrBypassList `OWNER/NAME`;
 * PrCreationCap `org/ORG`, `repo/OWNER/NAME`.
 */
export const RESOURCE_ID_FORMS: Readonly<Record<ResourceKind, readonly string[]>> = {
  InteractionLimit: ['org/ORG', 'repo/OWNER/NAME', 'user/LOGIN'],
  PrBypassList: ['OWNER/NAME'],
  PrCreationCap: ['org/ORG', 'repo/OWNER/NAME'],
};

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'InteractionLimit',
  'PrBypassList',
  'PrCreationCap',
];

/** The target a spec manages: what to observe, or what to make absent. */
export function targetOf(spec: ResourceSpec | ResourceTarget): ResourceTarget {
  switch (spec.kind) {
    case 'InteractionLimit':
      return { kind: spec.kind, scope: spec.scope };
    case 'PrBypassList':
      return { kind: spec.kind, repository: spec.repository };
    case 'PrCreationCap':
      return { kind: spec.kind, scope: spec.scope };
  }
}

/**
 * The id of a spec or target. A `user` scope without a login has no id until the token's login is
 * known: plan it (each change carries the resolved id) or declare the login.
 */
/** What a declared resource is about, whether it is declared present or absent. */
export function targetOfDesired(desired: DesiredResource): ResourceTarget {
  return desired.ensure === 'present' ? targetOf(desired.spec) : desired.target;
}

export function resourceId(specOrTarget: ResourceSpec | ResourceTarget): string {
  switch (specOrTarget.kind) {
    case 'InteractionLimit': {
      const scope = specOrTarget.scope;
      if (scope.type === 'organization') return `org/${scope.org}`;
      if (scope.type === 'repository') return `repo/${scope.owner}/${scope.repo}`;
      if (scope.login === undefined) {
        throw new Error(
          "An InteractionLimit on the user scope without a login has no id yet (ids are user/LOGIN): declare the login, or plan the resource and use the id of its change, which carries the token's login.",
        );
      }
      return `user/${scope.login}`;
    }
    case 'PrBypassList':
      return `${specOrTarget.repository.owner}/${specOrTarget.repository.repo}`;
    case 'PrCreationCap': {
      const scope = specOrTarget.scope;
      return scope.type === 'organization'
        ? `org/${scope.org}`
        : `repo/${scope.owner}/${scope.repo}`;
    }
  }
}

/** Case-insensitive identity of a resource: GitHub names are unique regardless of letter case. */
export function resourceKey(kind: ResourceKind, id: string): string {
  return `${kind}:${id.toLowerCase()}`;
}

/**
 * Parses an id back into the target it names (Terraform import, Pulumi read). Throws
 * ResourceIdError listing the accepted forms when the id matches none of them.
 */
export function parseResourceId(kind: ResourceKind, id: string): ResourceTarget {
  if (!RESOURCE_KINDS.includes(kind)) {
    throw new ResourceIdError(
      String(kind),
      id,
      RESOURCE_KINDS.map((k) => `a ${k} id`),
      `unknown kind; expected one of ${RESOURCE_KINDS.join(', ')}`,
    );
  }
  const forms = RESOURCE_ID_FORMS[kind];
  const fail = (why?: string): never => {
    throw new ResourceIdError(kind, id, forms, why);
  };
  if (typeof id !== 'string' || id === '') return fail();
  const parts = id.split('/');
  const login = (value: string, what: string) => {
    if (!isLogin(value)) fail(`${JSON.stringify(value)} is not a GitHub login for the ${what}`);
    return value;
  };
  const repoRef = (owner: string, repo: string) => {
    login(owner, 'owner');
    if (!isRepositoryName(repo)) fail(`${JSON.stringify(repo)} is not a repository name`);
    return { owner, repo };
  };

  if (kind === 'PrBypassList') {
    if (parts.length !== 2) return fail();
    return { kind, repository: repoRef(parts[0], parts[1]) };
  }
  const [prefix, ...rest] = parts;
  if (prefix === 'org' && rest.length === 1) {
    return { kind, scope: { type: 'organization', org: login(rest[0], 'organization') } };
  }
  if (prefix === 'repo' && rest.length === 2) {
    const { owner, repo } = repoRef(rest[0], rest[1]);
    return { kind, scope: { type: 'repository', owner, repo } };
  }
  if (kind === 'InteractionLimit' && prefix === 'user' && rest.length === 1) {
    return { kind, scope: { type: 'user', login: login(rest[0], 'user') } };
  }
  return fail();
}

/** Labels an issue with the resource it belongs to. */
export function labelIssues(
  issues: readonly ValidationIssue[],
  resource: string,
): ValidationIssue[] {
  return issues.map((i) => ({ ...i, resource }));
}
