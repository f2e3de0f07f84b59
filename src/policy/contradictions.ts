import type { PolicyProblem } from './errors';
import { formatLocation } from './errors';
import type { LimitSetting, Policy, PolicyLocation, RepositoryEntry } from './types';

/**
 * Contradictions visible in the file alone, reported before any request: the same organization
 * or repository declared twice, and repository limits under an organization (or named user)
 * limit the same policy declares.
 */
export function findStaticContradictions(policy: Policy): PolicyProblem[] {
  return [
    ...duplicateOrganizations(policy),
    ...duplicateRepositories(policy),
    ...shadowedRepositoryLimits(policy, policy.user?.login),
  ];
}

function duplicateOrganizations(policy: Policy): PolicyProblem[] {
  const seen = new Map<string, Policy['organizations'][number]>();
  const problems: PolicyProblem[] = [];
  for (const org of policy.organizations) {
    const first = seen.get(org.org.toLowerCase());
    if (first) {
      problems.push({
        ...org.location,
        path: `organizations.${org.org}`,
        message: `duplicates organizations.${first.org} (${formatLocation(first.location)}); organization names are case-insensitive, declare each once`,
      });
    } else {
      seen.set(org.org.toLowerCase(), org);
    }
  }
  return problems;
}

function duplicateRepositories(policy: Policy): PolicyProblem[] {
  const seen = new Map<string, RepositoryEntry & { type: 'repository' }>();
  const problems: PolicyProblem[] = [];
  for (const entry of policy.repositories) {
    if (entry.type !== 'repository') continue;
    const key = `${entry.owner}/${entry.repo}`.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push({
        ...entry.location,
        path: `${entry.path}.repository`,
        message: `"${entry.owner}/${entry.repo}" is already declared by ${first.path} (${formatLocation(first.location)}); repository names are case-insensitive, merge the two entries`,
      });
    } else {
      seen.set(key, entry);
    }
  }
  return problems;
}

/**
 * GitHub keeps an organization's (or user's) limit in force on all its repositories and answers
 * 409 to any change of a repository limit meanwhile, so a policy that declares both can never
 * converge. `none` on the repository is no better: its DELETE gets the same 409.
 * `userLogin` is the token's user, when known.
 */
export function shadowedRepositoryLimits(policy: Policy, userLogin?: string): PolicyProblem[] {
  const owners = new Map<string, { name: string; scope: string; setting: LimitSetting }>();
  for (const org of policy.organizations) {
    if (org.interactionLimit && org.interactionLimit.limit !== 'none') {
      owners.set(org.org.toLowerCase(), {
        name: org.org,
        scope: `organizations.${org.org}.interaction_limit`,
        setting: org.interactionLimit,
      });
    }
  }
  if (userLogin !== undefined && policy.user && policy.user.interactionLimit.limit !== 'none') {
    owners.set(userLogin.toLowerCase(), {
      name: userLogin,
      scope: 'user.interaction_limit',
      setting: policy.user.interactionLimit,
    });
  }
  const problems: PolicyProblem[] = [];
  for (const entry of policy.repositories) {
    const owner = entry.type === 'repository' ? entry.owner : entry.selector.owner.login;
    const shadow = owners.get(owner.toLowerCase());
    const own = entry.settings.interactionLimit;
    const limit = own ?? policy.defaults.interactionLimit;
    if (!shadow || !limit) continue;
    const subject =
      entry.type === 'repository'
        ? `${entry.owner}/${entry.repo}`
        : `the ${shadow.name} repositories it selects`;
    const at: PolicyLocation = own ? own.location : entry.location;
    const declared = !own
      ? `gives ${subject} defaults.interaction_limit (${formatLocation(limit.location)})`
      : own.limit === 'none'
        ? `declares that ${subject} has no interaction limit`
        : `declares an interaction limit for ${subject}`;
    problems.push({
      ...at,
      path: own ? `${entry.path}.interaction_limit` : entry.path,
      message:
        `${declared}, but ${shadow.scope} (${formatLocation(shadow.setting.location)}) is in ` +
        `force on every repository of ${shadow.name}: setting it wipes the limits of ${shadow.name}'s ` +
        `public repositories, and GitHub refuses to set or remove a repository limit under it ` +
        `(409 Conflict). Keep one of the two`,
    });
  }
  return problems;
}
