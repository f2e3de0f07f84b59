import type { DesiredResource } from '../../src/core/types';
import {
  DEFAULT_EXPANSION_CONCURRENCY,
  PolicyError,
  expandPolicy,
  parsePolicy,
} from '../../src/policy';
import { FakePolicyPort, SEED_REPOSITORIES, repository } from './fake-port';

const policy = (yaml: string) => parsePolicy(`version: 1\n${yaml}`, 'p.yaml');

/** `owner/name kind` for each resource, the shape most tests care about. */
function summary(resources: readonly DesiredResource[]): string[] {
  return resources.map((resource) => {
    const target = resource.ensure === 'present' ? resource.spec : resource.target;
    const scope =
      'repository' in target
        ? `${target.repository.owner}/${target.repository.repo}`
        : target.scope.type === 'organization'
          ? `org ${target.scope.org}`
          : target.scope.type === 'user'
            ? `user ${target.scope.login}`
            : `${target.scope.owner}/${target.scope.repo}`;
    return `${scope} ${target.kind}${resource.ensure === 'absent' ? ' absent' : ''}`;
  });
}

/** The PolicyError an expansion is rejected with. */
async function rejection(expansion: Promise<unknown>): Promise<PolicyError> {
  const outcome = await expansion.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof PolicyError))
    throw new Error(`expected a PolicyError, got ${String(outcome)}`);
  return outcome;
}

async function selected(select: string, repositories = SEED_REPOSITORIES): Promise<string[]> {
  const { resources } = await expandPolicy(
    policy(`repositories:\n  - select: ${select}\n    pr_creation_cap: false\n`),
    new FakePolicyPort(repositories),
  );
  return summary(resources).map((line) => line.split(' ')[0]);
}

describe('expandPolicy: selectors', () => {
  it('selects public, non-archived, non-fork repositories by default', async () => {
    const forked = [...SEED_REPOSITORIES, repository('acme/fork-of-x', { fork: true })];
    expect(await selected('{ organization: acme }', forked)).toEqual([
      'acme/api',
      'acme/docs',
      'acme/website',
    ]);
  });

  it('brings in archived repositories, forks and other visibilities only when asked', async () => {
    const forked = [...SEED_REPOSITORIES, repository('acme/fork-of-x', { fork: true })];
    expect(
      await selected(
        '{ organization: acme, visibility: all, include_archived: true, include_forks: true }',
        forked,
      ),
    ).toEqual([
      'acme/api',
      'acme/docs',
      'acme/fork-of-x',
      'acme/internal',
      'acme/legacy',
      'acme/website',
    ]);
    expect(await selected('{ organization: acme, visibility: private }')).toEqual([
      'acme/internal',
    ]);
  });

  it('matches name globs case-insensitively: *, ?, [set], [!set]', async () => {
    const repositories = [
      'acme/api-v1',
      'acme/API-v2',
      'acme/api-v3',
      'acme/docs',
      'acme/dogs',
    ].map((name) => repository(name));
    expect(await selected("{ organization: acme, names: ['api-v[12]'] }", repositories)).toEqual([
      'acme/api-v1',
      'acme/API-v2',
    ]);
    expect(await selected("{ organization: acme, names: ['do?s'] }", repositories)).toEqual([
      'acme/docs',
      'acme/dogs',
    ]);
    expect(
      await selected("{ organization: acme, names: ['api-v[!1]', 'docs'] }", repositories),
    ).toEqual(['acme/API-v2', 'acme/api-v3', 'acme/docs']);
  });

  it('refuses a glob whose set can match nothing ([z-a], [!], an unclosed [) when the file is read', () => {
    for (const glob of ['[z-a]*', '[!]', '[abc']) {
      expect(() =>
        policy(
          `repositories:\n  - select: { organization: acme, names: ['${glob}'] }\n    pr_creation_cap: false\n`,
        ),
      ).toThrow(
        /names\[0\]: .* is not allowed; expected a glob whose \[sets\] are closed, not empty, and whose ranges go up/,
      );
    }
  });

  it('matches topics: any of, all of, and both together', async () => {
    expect(await selected('{ organization: acme, topics: { any: [backend, docs-site] } }')).toEqual(
      ['acme/api', 'acme/docs'],
    );
    expect(await selected('{ organization: acme, topics: { all: [web, marketing] } }')).toEqual([
      'acme/website',
    ]);
    expect(
      await selected('{ organization: acme, topics: { any: [web], all: [docs-site] } }'),
    ).toEqual(['acme/docs']);
  });

  it('excludes by name, by glob and by owner/name', async () => {
    expect(await selected("{ organization: acme, exclude: [API, 'web*'] }")).toEqual(['acme/docs']);
    expect(
      await selected('{ organization: acme, include_archived: true, exclude: [acme/legacy] }'),
    ).toEqual(['acme/api', 'acme/docs', 'acme/website']);
  });

  it('lists a user with the user listing', async () => {
    const port = new FakePolicyPort(SEED_REPOSITORIES);
    const { resources } = await expandPolicy(
      policy('repositories:\n  - select: { user: octocat }\n    pr_creation_cap: false\n'),
      port,
    );
    expect(summary(resources)).toEqual([
      'octocat/hello-world PrCreationCap',
      'octocat/linguist PrCreationCap',
      'octocat/Spoon-Knife PrCreationCap',
    ]);
    expect(port.calls).toEqual(['user:octocat']);
  });

  it('lists each owner once, at most `concurrency` at a time', async () => {
    const owners = ['a', 'b', 'c', 'd', 'e', 'f'];
    const yaml = `repositories:\n${owners
      .flatMap((owner) => [
        `  - select: { organization: ${owner}, names: [x] }\n    pr_creation_cap: false\n`,
        `  - select: { organization: ${owner.toUpperCase()}, names: [y] }\n    pr_creation_cap: false\n`,
      ])
      .join('')}`;
    const repositories = owners.flatMap((o) => [repository(`${o}/x`), repository(`${o}/y`)]);
    const port = new FakePolicyPort(repositories);
    const { resources } = await expandPolicy(policy(yaml), port, { concurrency: 2 });
    expect(resources).toHaveLength(12);
    expect(port.calls).toEqual(owners.map((owner) => `org:${owner}`));
    expect(port.maxInFlight).toBe(2);
    expect(DEFAULT_EXPANSION_CONCURRENCY).toBe(4);
  });

  it('warns about a selector that matches nothing, and declares nothing for it', async () => {
    const { resources, warnings } = await expandPolicy(
      policy(
        "repositories:\n  - select: { organization: acme, names: ['nope-*'], topics: { any: [web] } }\n    pr_creation_cap: false\n",
      ),
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    expect(resources).toEqual([]);
    expect(warnings).toEqual([
      'p.yaml:3:5: repositories[0].select matched no repository of organization acme (5 listed, none public, non-archived, non-fork named nope-* with a topic of web); it declares nothing',
    ]);
  });

  it('lets a port error (GitHub) propagate unchanged', async () => {
    const port = new FakePolicyPort(SEED_REPOSITORIES);
    await expect(
      expandPolicy(
        policy(
          'repositories:\n  - select: { organization: octocat }\n    pr_creation_cap: false\n',
        ),
        port,
      ),
    ).rejects.toThrow('404 GET /orgs/octocat/repos: Not Found');
  });
});

describe('expandPolicy: precedence, per kind of setting: explicit entry, selectors, defaults', () => {
  const yaml = `defaults:
  pr_creation_cap: { max_open_pull_requests: 50 }
repositories:
  - select: { organization: acme }
    interaction_limit: { limit: existing_users }
    pr_bypass_list: [hubot]
  - repository: acme/website
    interaction_limit: { limit: contributors_only }
  - repository: acme/docs
    pr_creation_cap: false
`;

  it('takes each kind from the most specific entry that declares it', async () => {
    const { resources } = await expandPolicy(policy(yaml), new FakePolicyPort(SEED_REPOSITORIES));
    const settings = resources.map((resource) => {
      if (resource.ensure !== 'present') throw new Error('unexpected absent');
      const { spec } = resource;
      const where = `${resource.source}`;
      if (spec.kind === 'InteractionLimit')
        return `${spec.scope.type === 'repository' && spec.scope.repo} limit ${spec.limit} ${where}`;
      if (spec.kind === 'PrBypassList')
        return `${spec.repository.repo} bypass ${spec.users.join(',')} ${where}`;
      return `${spec.scope.type === 'repository' && spec.scope.repo} cap ${spec.enabled ? spec.maxOpenPullRequests : 'off'} ${where}`;
    });
    expect(settings).toEqual([
      'api limit existing_users p.yaml:6',
      'api bypass hubot p.yaml:7',
      'api cap 50 p.yaml:3',
      'docs limit existing_users p.yaml:6',
      'docs bypass hubot p.yaml:7',
      'docs cap off p.yaml:11',
      'website limit contributors_only p.yaml:9',
      'website bypass hubot p.yaml:7',
      'website cap 50 p.yaml:3',
    ]);
  });

  it('accepts two selectors that agree on a repository', async () => {
    const { resources } = await expandPolicy(
      policy(`repositories:
  - select: { organization: acme, topics: { any: [web] } }
    interaction_limit: { limit: existing_users }
  - select: { organization: acme, topics: { any: [backend] } }
    interaction_limit: { limit: existing_users, expiry: six_months }
`),
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    expect(summary(resources)).toEqual([
      'acme/api InteractionLimit',
      'acme/docs InteractionLimit',
      'acme/website InteractionLimit',
    ]);
  });

  it('rejects two selectors that give a repository different settings, naming both', async () => {
    const conflicting = policy(`repositories:
  - select: { organization: acme, topics: { any: [web] } }
    interaction_limit: { limit: existing_users }
    pr_bypass_list: [hubot, jdoe]
  - select: { organization: acme, names: ['*s'] }
    interaction_limit: { limit: collaborators_only, expiry: one_day }
    pr_bypass_list: [JDOE, Hubot]
`);
    const error = await rejection(expandPolicy(conflicting, new FakePolicyPort(SEED_REPOSITORIES)));
    expect(error.message.split('\n')).toEqual([
      'p.yaml:7:5: repositories[1].interaction_limit: acme/docs is also selected by repositories[0] (p.yaml:4:5) with a different interaction_limit (here: collaborators_only, expiry one_day, renew within 6h; there: existing_users, expiry six_months, renew within 30d). Exclude acme/docs from one of the selectors, or declare it in an entry of its own (repository: acme/docs), which takes precedence',
    ]);
  });

  it('lets an explicit entry settle what two selectors disagree on', async () => {
    const { resources } = await expandPolicy(
      policy(`repositories:
  - select: { organization: acme, topics: { any: [web] } }
    interaction_limit: { limit: existing_users }
  - select: { organization: acme, names: ['*s'] }
    interaction_limit: { limit: collaborators_only }
  - repository: acme/docs
    interaction_limit: { limit: none }
`),
      new FakePolicyPort(SEED_REPOSITORIES),
    );
    expect(summary(resources)).toEqual([
      'acme/docs InteractionLimit absent',
      'acme/website InteractionLimit',
    ]);
  });
});

describe('expandPolicy: organizations and the user', () => {
  it('orders organizations, the user, then repositories by full name, ignoring case; ids use GitHub spelling', async () => {
    const port = new FakePolicyPort([
      repository('Zeta/b'),
      repository('acme/Z'),
      repository('acme/a'),
    ]);
    const { resources } = await expandPolicy(
      policy(`repositories:
  - repository: Zeta/b
    pr_creation_cap: false
  - repository: acme/Z
    pr_bypass_list: []
    interaction_limit: { limit: none }
    pr_creation_cap: disabled
  - repository: acme/a
    pr_creation_cap: false
user:
  interaction_limit: { limit: existing_users }
organizations:
  zeta:
    pr_creation_cap: false
    interaction_limit: { limit: none }
  Acme:
    pr_creation_cap: false
`),
      port,
    );
    expect(summary(resources)).toEqual([
      'org acme PrCreationCap',
      'org Zeta InteractionLimit absent',
      'org Zeta PrCreationCap',
      'user octocat InteractionLimit',
      'acme/a PrCreationCap',
      'acme/Z InteractionLimit absent',
      'acme/Z PrBypassList',
      'acme/Z PrCreationCap',
      'Zeta/b PrCreationCap',
    ]);
    expect(port.calls).toEqual(['login']);
  });

  it('makes no request for a policy without selectors or a user limit', async () => {
    const port = new FakePolicyPort([]);
    await expandPolicy(policy('organizations:\n  acme: { pr_creation_cap: false }\n'), port);
    expect(port.calls).toEqual([]);
  });

  it('rejects a user limit whose login is not the token user', async () => {
    const error = await rejection(
      expandPolicy(
        policy('user:\n  login: monalisa\n  interaction_limit: { limit: existing_users }\n'),
        new FakePolicyPort([], 'octocat'),
      ),
    );
    expect(error.message).toBe(
      'p.yaml:2:1: user.login: "monalisa" is declared, but the token belongs to octocat; use a token of monalisa, or change login',
    );
  });

  it('accepts the login in any case and keeps its spelling', async () => {
    const { resources } = await expandPolicy(
      policy('user:\n  login: OctoCat\n  interaction_limit: { limit: existing_users }\n'),
      new FakePolicyPort([], 'octocat'),
    );
    expect(resources[0]).toMatchObject({ spec: { scope: { type: 'user', login: 'OctoCat' } } });
  });

  it("rejects a repository limit under the token user's limit once the login is known", async () => {
    const yaml = `user:
  interaction_limit: { limit: existing_users }
repositories:
  - repository: octocat/hello-world
    interaction_limit: { limit: contributors_only }
  - select: { user: octocat }
    pr_creation_cap: false
`;
    const port = new FakePolicyPort(SEED_REPOSITORIES);
    const error = await rejection(expandPolicy(policy(yaml), port));
    expect(
      error.problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}`),
    ).toEqual(['6:5 repositories[0].interaction_limit']);
    expect(error.message).toContain(
      'declares an interaction limit for octocat/hello-world, but user.interaction_limit (p.yaml:3:3) is in force on every repository of octocat',
    );
    // A user limit of `none` shadows nothing.
    await expect(
      expandPolicy(policy(yaml.replace('existing_users', 'none')), port),
    ).resolves.toBeDefined();
  });

  it('refuses a concurrency that is not a positive integer', async () => {
    await expect(
      expandPolicy(policy(''), new FakePolicyPort([]), { concurrency: 0 }),
    ).rejects.toThrow('expandPolicy: [concurrency] 0 is not allowed; expected an integer >= 1');
  });
});

describe('expandPolicy: what GitHub says of explicit entries and organizations', () => {
  const port = () => new FakePolicyPort(SEED_REPOSITORIES);

  it('uses GitHub spelling for ids, whatever the file says', async () => {
    const { resources } = await expandPolicy(
      policy(
        'organizations:\n  ACME: { pr_creation_cap: false }\nrepositories:\n  - repository: ACME/API\n    pr_bypass_list: []\n',
      ),
      port(),
    );
    expect(summary(resources)).toEqual(['org acme PrCreationCap', 'acme/api PrBypassList']);
  });

  it('an interaction limit on a private repository is an error before anything is read or written', async () => {
    const error = await rejection(
      expandPolicy(
        policy(
          'repositories:\n  - repository: acme/internal\n    interaction_limit: { limit: existing_users }\n',
        ),
        port(),
      ),
    );
    expect(error.message).toBe(
      'p.yaml:4:5: repositories[0].interaction_limit: acme/internal is private: GitHub allows no interaction limit on private repositories (it answers 405 "Interaction limits cannot be set for private repositories."); remove its interaction_limit',
    );
  });

  it('an archived repository is a warning; a repository GitHub does not know is an error', async () => {
    const { warnings } = await expandPolicy(
      policy('repositories:\n  - repository: acme/legacy\n    pr_bypass_list: []\n'),
      port(),
    );
    expect(warnings).toEqual([
      'p.yaml:3:5: acme/legacy is archived: GitHub accepts its settings, but nobody can open issues or pull requests there while it is archived',
    ]);
    const error = await rejection(
      expandPolicy(
        policy('repositories:\n  - repository: acme/nope\n    pr_bypass_list: []\n'),
        port(),
      ),
    );
    expect(error.message).toBe(
      'p.yaml:3:5: repositories[0]: acme/nope does not exist, or the token cannot see it (GitHub answered 404 Not Found)',
    );
  });
});
