import pLimit from 'p-limit';
import { resourceKey } from '../core/ids';
import type { PrefetchedObservations } from '../core/observe';
import type { ObservedState } from '../core/plan';
import type { CapScope, DesiredResource, LimitScope } from '../core/types';
import type { RepositorySummary } from '../github/types';
import { shadowedRepositoryLimits } from './contradictions';
import { formatDurationSeconds } from './duration';
import type { PolicyProblem } from './errors';
import { PolicyError, formatLocation } from './errors';
import { globToRegExp, matchesAnyGlob } from './glob';
import type { PolicyRepositoryPort, RepositoryListing } from './port';
import type {
  BypassListSetting,
  CapSetting,
  ExplicitRepositoryEntry,
  LimitSetting,
  Policy,
  PolicyLocation,
  RepositorySelector,
  RepositorySettings,
  SelectorRepositoryEntry,
} from './types';

/** Repository listings made at once; small, as GitHub asks integrators not to fan out. */
export const DEFAULT_EXPANSION_CONCURRENCY = 4;

export interface ExpandPolicyOptions {
  /**
   * How many organizations or users are listed at once.
   * @default DEFAULT_EXPANSION_CONCURRENCY
   */
  readonly concurrency?: number;
}

export interface PolicyExpansion {
  /** Organizations, then the user, then repositories by full name; per scope limit, bypass list, cap. */
  readonly resources: DesiredResource[];
  /** `file:line:column: message`, e.g. a selector that matched nothing. */
  readonly warnings: string[];
  /**
   * Interaction limits the listings already brought (GraphQL listings do), by
   * `resourceKey('InteractionLimit', id)`: pass them to `planResources` as `prefetched`, so the
   * plan does not read them again.
   */
  readonly observed: PrefetchedObservations;
  /** Limits a GraphQL listing could not read, with why: pass them as `unanswered`. */
  readonly unanswered: ReadonlyMap<string, string>;
}

/**
 * Turns a policy into the resources it declares: lists the repositories selectors choose from
 * (reads only), applies precedence (explicit entry, then selectors, then defaults, per kind of
 * setting) and reports contradictions that need the listings to be seen. Throws `PolicyError`
 * before anything could be written; errors of the port (GitHub) propagate unchanged.
 */
export async function expandPolicy(
  policy: Policy,
  port: PolicyRepositoryPort,
  options: ExpandPolicyOptions = {},
): Promise<PolicyExpansion> {
  const concurrency = options.concurrency ?? DEFAULT_EXPANSION_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(
      `expandPolicy: [concurrency] ${concurrency} is not allowed; expected an integer >= 1`,
    );
  }
  const problems: PolicyProblem[] = [];
  const warnings: string[] = [];

  const userLogin = policy.user ? await port.authenticatedLogin() : undefined;
  if (policy.user?.login !== undefined && userLogin !== undefined) {
    if (policy.user.login.toLowerCase() !== userLogin.toLowerCase()) {
      problems.push({
        ...policy.user.location,
        path: 'user.login',
        message: `"${policy.user.login}" is declared, but the token belongs to ${userLogin}; use a token of ${policy.user.login}, or change login`,
      });
    }
  } else if (userLogin !== undefined) {
    // With the login asserted, the load already checked this; here it is known only now.
    problems.push(...shadowedRepositoryLimits(policy, userLogin));
  }

  const listings = await listSelectedOwners(policy, port, concurrency);
  const explicitRepositories = await lookUpExplicitRepositories(
    policy,
    port,
    listings,
    concurrency,
  );
  const organizationLogins = await lookUpOrganizations(policy, port, concurrency);
  const repositories = new Map<string, Declared>();
  for (const entry of policy.repositories) {
    if (entry.type === 'repository') {
      const key = `${entry.owner}/${entry.repo}`.toLowerCase();
      const summary = explicitRepositories.get(key);
      if (!summary) {
        problems.push({
          ...entry.location,
          path: entry.path,
          message: `${entry.owner}/${entry.repo} does not exist, or the token cannot see it (GitHub answered 404 Not Found)`,
        });
        continue;
      }
      // Ids and output use GitHub's spelling, whatever the file's.
      repositories.set(key, {
        owner: summary.owner,
        repo: summary.name,
        summary,
        explicit: entry,
        selectors: [],
      });
    }
  }
  const declared = (summary: RepositorySummary): Declared => {
    const key = `${summary.owner}/${summary.name}`.toLowerCase();
    const existing = repositories.get(key);
    if (existing) return existing;
    const created: Declared = { owner: summary.owner, repo: summary.name, summary, selectors: [] };
    repositories.set(key, created);
    return created;
  };
  for (const entry of policy.repositories) {
    if (entry.type !== 'selector') continue;
    const listed = listings.get(ownerKey(entry.selector)) ?? [];
    const matched = listed.filter((repository) => selectorMatches(entry.selector, repository));
    if (matched.length === 0) {
      warnings.push(
        `${formatLocation(entry.location)}: ${entry.path}.select matched no repository of ` +
          `${entry.selector.owner.type} ${entry.selector.owner.login} ` +
          `(${listed.length} listed, none ${describeSelector(entry.selector)}); it declares nothing`,
      );
    }
    for (const repository of matched) {
      declared(repository).selectors.push(entry);
    }
  }

  const repositoryResources: DesiredResource[] = [];
  const observed = new Map<string, ObservedState['observed']>();
  const unanswered = new Map<string, string>();
  const sorted = [...repositories.values()].sort((a, b) =>
    compareNames(`${a.owner}/${a.repo}`, `${b.owner}/${b.repo}`),
  );
  for (const repository of sorted) {
    const { owner, repo } = repository;
    const scope = { type: 'repository', owner, repo } as const;
    const limit = decide(repository, 'interactionLimit', policy, problems);
    const visibility = repository.summary?.visibility ?? 'public';
    if (limit && visibility !== 'public') {
      // GitHub answers 405 "Interaction limits cannot be set for private repositories." to every
      // call on the limit of a private (or internal) repository.
      const own = repository.explicit?.settings.interactionLimit;
      const at = own?.location ?? repository.explicit?.location ?? limit.location;
      problems.push({
        ...at,
        path: `${repository.explicit?.path ?? 'defaults'}${own ? '.interaction_limit' : ''}`,
        message:
          `${owner}/${repo} is ${visibility}: GitHub allows no interaction limit on private repositories ` +
          `(it answers 405 "Interaction limits cannot be set for private repositories."); remove its interaction_limit`,
      });
    } else if (limit) {
      repositoryResources.push(limitResource(scope, limit));
      const listed = (repository.summary as RepositoryListing | undefined)?.interactionLimit;
      const key = resourceKey('InteractionLimit', `repo/${owner}/${repo}`);
      if (listed?.observed) observed.set(key, listed.limit);
      else if (listed) unanswered.set(key, listed.reason);
    }
    if (repository.explicit && repository.summary?.archived) {
      warnings.push(
        `${formatLocation(repository.explicit.location)}: ${owner}/${repo} is archived: GitHub accepts its settings, but nobody can open issues or pull requests there while it is archived`,
      );
    }
    const bypass = decide(repository, 'prBypassList', policy, problems);
    if (bypass) {
      repositoryResources.push({
        ensure: 'present',
        spec: { kind: 'PrBypassList', repository: { owner, repo }, users: [...bypass.users] },
        source: sourceOf(bypass.location),
      });
    }
    const cap = decide(repository, 'prCreationCap', policy, problems);
    if (cap) repositoryResources.push(capResource(scope, cap));
  }

  if (problems.length > 0) throw new PolicyError(problems);

  const resources: DesiredResource[] = [];
  const organizations = [...policy.organizations].sort((a, b) => compareNames(a.org, b.org));
  for (const { org: declaredOrg, interactionLimit, prCreationCap } of organizations) {
    const org = organizationLogins.get(declaredOrg.toLowerCase()) ?? declaredOrg;
    const scope = { type: 'organization', org } as const;
    if (interactionLimit) resources.push(limitResource(scope, interactionLimit));
    if (prCreationCap) resources.push(capResource(scope, prCreationCap));
  }
  if (policy.user) {
    resources.push(
      limitResource(
        { type: 'user', login: policy.user.login ?? (userLogin as string) },
        policy.user.interactionLimit,
      ),
    );
  }
  resources.push(...repositoryResources);
  return { resources, warnings, observed, unanswered };
}

/** One repository and the entries that declare it. */
interface Declared {
  owner: string;
  repo: string;
  /** What GitHub says of it (visibility, archived); absent only in tests' hand-made ports. */
  summary?: RepositorySummary;
  explicit?: ExplicitRepositoryEntry;
  selectors: SelectorRepositoryEntry[];
}

type SettingKind = keyof RepositorySettings;

const KIND_KEYS: Readonly<Record<SettingKind, string>> = {
  interactionLimit: 'interaction_limit',
  prBypassList: 'pr_bypass_list',
  prCreationCap: 'pr_creation_cap',
};

/**
 * The setting a repository gets for one kind: its explicit entry's, else the selectors' (which
 * must agree), else the defaults'.
 */
function decide<K extends SettingKind>(
  repository: Declared,
  kind: K,
  policy: Policy,
  problems: PolicyProblem[],
): RepositorySettings[K] | undefined {
  const own = repository.explicit?.settings[kind];
  if (own) return own;
  const fromSelectors = repository.selectors.filter((entry) => entry.settings[kind]);
  const [first, ...others] = fromSelectors;
  if (!first) return policy.defaults[kind];
  const chosen = first.settings[kind] as NonNullable<RepositorySettings[K]>;
  for (const other of others) {
    const setting = other.settings[kind] as NonNullable<RepositorySettings[K]>;
    if (sameSetting(chosen, setting)) continue;
    const name = `${repository.owner}/${repository.repo}`;
    problems.push({
      ...setting.location,
      path: `${other.path}.${KIND_KEYS[kind]}`,
      message:
        `${name} is also selected by ${first.path} (${formatLocation(chosen.location)}) with a ` +
        `different ${KIND_KEYS[kind]} (here: ${describeSetting(setting)}; there: ` +
        `${describeSetting(chosen)}). Exclude ${name} from one of the selectors, or ` +
        `declare it in an entry of its own (repository: ${name}), which takes precedence`,
    });
  }
  return chosen;
}

type AnySetting = LimitSetting | BypassListSetting | CapSetting;

function sameSetting(a: AnySetting, b: AnySetting): boolean {
  return describeSetting(a) === describeSetting(b);
}

/** A canonical description: equal settings describe alike, so it doubles as the comparison. */
function describeSetting(setting: AnySetting): string {
  if ('users' in setting) {
    const users = [...setting.users].map((user) => user.toLowerCase()).sort();
    return `[${users.join(', ')}]`;
  }
  if ('enabled' in setting) {
    return setting.enabled
      ? `max_open_pull_requests ${setting.maxOpenPullRequests}, include_drafts ${setting.includeDrafts}`
      : `disabled${setting.maxOpenPullRequests === undefined ? '' : ` (max_open_pull_requests ${setting.maxOpenPullRequests})`}`;
  }
  if (setting.limit === 'none') return 'none';
  return (
    `${setting.limit}, expiry ${setting.expiry}, ` +
    (setting.renewal.enabled
      ? `renew within ${formatDurationSeconds(setting.renewal.windowSeconds)}`
      : `renew false (window ${formatDurationSeconds(setting.renewal.windowSeconds)})`) +
    (setting.renewal.until ? `, until ${setting.renewal.until}` : '')
  );
}

function limitResource(scope: LimitScope, setting: LimitSetting): DesiredResource {
  const source = sourceOf(setting.location);
  if (setting.limit === 'none') {
    return { ensure: 'absent', target: { kind: 'InteractionLimit', scope }, source };
  }
  return {
    ensure: 'present',
    spec: {
      kind: 'InteractionLimit',
      scope,
      limit: setting.limit,
      expiry: setting.expiry,
      renewal: { ...setting.renewal },
    },
    source,
  };
}

function capResource(scope: CapScope, setting: CapSetting): DesiredResource {
  return {
    ensure: 'present',
    spec: {
      kind: 'PrCreationCap',
      scope,
      enabled: setting.enabled,
      ...(setting.maxOpenPullRequests !== undefined && {
        maxOpenPullRequests: setting.maxOpenPullRequests,
      }),
      includeDrafts: setting.includeDrafts,
    },
    source: sourceOf(setting.location),
  };
}

/** `file:line`, as plan output shows where a resource is declared. */
function sourceOf(location: PolicyLocation): string {
  return `${location.file}:${location.line}`;
}

function compareNames(a: string, b: string): number {
  const lower = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  return lower !== 0 ? lower : a.localeCompare(b, 'en');
}

function ownerKey(selector: RepositorySelector): string {
  return `${selector.owner.type}:${selector.owner.login.toLowerCase()}`;
}

/**
 * What GitHub says of each explicit entry's repository: from a selector's listing when its owner
 * was listed anyway, else one `GET /repos/{owner}/{repo}` (null when GitHub answers 404).
 */
async function lookUpExplicitRepositories(
  policy: Policy,
  port: PolicyRepositoryPort,
  listings: ReadonlyMap<string, readonly RepositorySummary[]>,
  concurrency: number,
): Promise<Map<string, RepositorySummary | null>> {
  const listed = new Map<string, RepositorySummary>();
  for (const repositories of listings.values()) {
    for (const repository of repositories) {
      listed.set(`${repository.owner}/${repository.name}`.toLowerCase(), repository);
    }
  }
  const pool = pLimit(concurrency);
  const wanted = new Map<string, { owner: string; repo: string }>();
  for (const entry of policy.repositories) {
    if (entry.type === 'repository') {
      wanted.set(`${entry.owner}/${entry.repo}`.toLowerCase(), entry);
    }
  }
  const found = new Map<string, RepositorySummary | null>();
  await Promise.all(
    [...wanted].map(async ([key, { owner, repo }]) => {
      found.set(key, listed.get(key) ?? (await pool(() => port.getRepository(owner, repo))));
    }),
  );
  return found;
}

/** GitHub's spelling of each organization the policy declares settings for. */
async function lookUpOrganizations(
  policy: Policy,
  port: PolicyRepositoryPort,
  concurrency: number,
): Promise<Map<string, string>> {
  const pool = pLimit(concurrency);
  const logins = new Map<string, string>();
  const problems: PolicyProblem[] = [];
  await Promise.all(
    policy.organizations.map(async ({ org, location }) => {
      const login = await pool(() => port.getOrganizationLogin(org));
      if (login === null) {
        problems.push({
          ...location,
          path: `organizations.${org}`,
          message: `organization ${org} does not exist, or the token cannot see it (GitHub answered 404 Not Found)`,
        });
      } else {
        logins.set(org.toLowerCase(), login);
      }
    }),
  );
  if (problems.length > 0) throw new PolicyError(problems);
  return logins;
}

/** Lists each organization or user that selectors name, once, at most `concurrency` at a time. */
async function listSelectedOwners(
  policy: Policy,
  port: PolicyRepositoryPort,
  concurrency: number,
): Promise<Map<string, readonly RepositorySummary[]>> {
  const owners = new Map<string, RepositorySelector['owner']>();
  // An owner whose selectors all want public repositories is listed without the others.
  const publicOnly = new Map<string, boolean>();
  for (const entry of policy.repositories) {
    if (entry.type !== 'selector') continue;
    // The first spelling seen is the one listed; GitHub matches owners case-insensitively.
    const key = ownerKey(entry.selector);
    if (!owners.has(key)) owners.set(key, entry.selector.owner);
    publicOnly.set(key, (publicOnly.get(key) ?? true) && entry.selector.visibility === 'public');
  }
  const pool = pLimit(concurrency);
  const listings = new Map<string, readonly RepositorySummary[]>();
  await Promise.all(
    [...owners.entries()].map(([key, owner]) =>
      pool(async () => {
        const options = { visibility: publicOnly.get(key) ? 'public' : 'all' } as const;
        listings.set(
          key,
          owner.type === 'organization'
            ? await port.listOrgRepositories(owner.login, options)
            : await port.listUserRepositories(owner.login, options),
        );
      }),
    ),
  );
  return listings;
}

/** Whether a selector chooses a repository (owner, visibility, archived, forks, names, topics). */
export function selectorMatches(
  selector: RepositorySelector,
  repository: RepositorySummary,
): boolean {
  if (repository.owner.toLowerCase() !== selector.owner.login.toLowerCase()) return false;
  if (selector.visibility !== 'all' && repository.visibility !== selector.visibility) return false;
  if (repository.archived && !selector.includeArchived) return false;
  if (repository.fork && !selector.includeForks) return false;
  if (!matchesAnyGlob(repository.name, selector.names)) return false;
  const fullName = `${repository.owner}/${repository.name}`;
  const excluded = selector.exclude.some((pattern) =>
    globToRegExp(pattern).test(pattern.includes('/') ? fullName : repository.name),
  );
  if (excluded) return false;
  const topics = repository.topics.map((topic) => topic.toLowerCase());
  if (selector.topicsAny.length > 0 && !selector.topicsAny.some((t) => topics.includes(t))) {
    return false;
  }
  return selector.topicsAll.every((topic) => topics.includes(topic));
}

function describeSelector(selector: RepositorySelector): string {
  const conditions = [
    selector.visibility === 'all' ? undefined : selector.visibility,
    selector.includeArchived ? undefined : 'non-archived',
    selector.includeForks ? undefined : 'non-fork',
  ].filter(Boolean);
  let text = conditions.join(', ');
  if (selector.names.length !== 1 || selector.names[0] !== '*') {
    text += ` named ${selector.names.join(' or ')}`;
  }
  if (selector.topicsAny.length > 0) text += ` with a topic of ${selector.topicsAny.join(', ')}`;
  if (selector.topicsAll.length > 0) text += ` with all topics ${selector.topicsAll.join(', ')}`;
  if (selector.exclude.length > 0) text += ` other than ${selector.exclude.join(', ')}`;
  return text.trim() || 'matching';
}
