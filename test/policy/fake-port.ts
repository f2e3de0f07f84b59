import type { RepositorySummary } from '../../src/github/types';
import type { PolicyRepositoryPort } from '../../src/policy';

/** A repository as selectors see it; public, not archived, not a fork, no topics unless given. */
export function repository(
  fullName: string,
  overrides: Partial<Omit<RepositorySummary, 'owner' | 'name' | 'fullName'>> = {},
): RepositorySummary {
  const [owner, name] = fullName.split('/');
  return {
    owner,
    name,
    fullName,
    visibility: 'public',
    archived: false,
    fork: false,
    topics: [],
    ...overrides,
  };
}

/**
 * A port over fixed listings that records its calls. Owners it does not know answer like GitHub's
 * 404, so a test that lists the wrong owner fails loudly.
 */
export class FakePolicyPort implements PolicyRepositoryPort {
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly repositories: readonly RepositorySummary[],
    private readonly login = 'octocat',
    private readonly users: readonly string[] = ['octocat'],
  ) {}

  async listOrgRepositories(org: string): Promise<readonly RepositorySummary[]> {
    return this.track(`org:${org}`, () => {
      if (this.users.some((user) => user.toLowerCase() === org.toLowerCase())) {
        throw new Error(`404 GET /orgs/${org}/repos: Not Found`);
      }
      return this.owned(org);
    });
  }

  async listUserRepositories(user: string): Promise<readonly RepositorySummary[]> {
    return this.track(`user:${user}`, () => this.owned(user));
  }

  async authenticatedLogin(): Promise<string> {
    return this.track('login', () => this.login);
  }

  /** Single look-ups (explicit entries, organizations), apart from the listings in `calls`. */
  readonly lookups: string[] = [];

  async getRepository(owner: string, repo: string): Promise<RepositorySummary | null> {
    this.lookups.push(`repo:${owner}/${repo}`);
    const key = `${owner}/${repo}`.toLowerCase();
    return this.repositories.find((r) => r.fullName.toLowerCase() === key) ?? null;
  }

  /** Organizations that answer 404. */
  readonly missingOrganizations = new Set<string>();

  /**
   * Any name that is not a user is an organization, spelt as its repositories' owner when it has
   * any (GitHub's spelling), else as asked; `missingOrganizations` answer 404.
   */
  async getOrganizationLogin(org: string): Promise<string | null> {
    this.lookups.push(`org:${org}`);
    if (this.missingOrganizations.has(org.toLowerCase())) return null;
    if (this.users.some((user) => user.toLowerCase() === org.toLowerCase())) return null;
    const owner = this.repositories.find((r) => r.owner.toLowerCase() === org.toLowerCase());
    return owner?.owner ?? org;
  }

  private owned(owner: string): RepositorySummary[] {
    return this.repositories.filter((r) => r.owner.toLowerCase() === owner.toLowerCase());
  }

  private async track<T>(call: string, answer: () => T): Promise<T> {
    this.calls.push(call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await Promise.resolve();
      await Promise.resolve();
      return answer();
    } finally {
      this.inFlight--;
    }
  }
}

/** The emulator's default seed (src/emulator/default-seed.ts), as the API lists it. */
export const SEED_REPOSITORIES: readonly RepositorySummary[] = [
  repository('acme/website', { topics: ['web', 'marketing'] }),
  repository('acme/api', { topics: ['api', 'backend'] }),
  repository('acme/docs', { topics: ['web', 'docs-site'] }),
  repository('acme/internal', { visibility: 'private', topics: ['backend'] }),
  repository('acme/legacy', { archived: true, topics: ['web'] }),
  repository('octocat/hello-world', { topics: ['demo'] }),
  repository('octocat/Spoon-Knife', { topics: ['demo', 'forking'] }),
  repository('octocat/linguist', { topics: ['languages'] }),
];
