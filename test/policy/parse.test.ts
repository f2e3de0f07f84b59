import { DEFAULT_EXPIRY, defaultRenewalWindowSeconds } from '../../src/core/defaults';
import { LIMIT_TYPES, EXPIRIES } from '../../src/github';
import { parsePolicy } from '../../src/policy';
import { EXPIRY_VALUES, LIMIT_VALUES } from '../../src/policy/schema';

const DAY = 24 * 3600;

function withoutLocation<T extends { location: unknown }>(value: T): Omit<T, 'location'> {
  const copy: Partial<T> = { ...value };
  delete copy.location;
  return copy as Omit<T, 'location'>;
}

describe('parsePolicy: a valid policy becomes a typed Policy', () => {
  it('accepts the smallest policy, and a $schema key for editors', () => {
    expect(parsePolicy('version: 1\n', 'p.yaml')).toEqual({
      version: 1,
      fileName: 'p.yaml',
      organizations: [],
      defaults: {},
      repositories: [],
    });
    expect(() =>
      parsePolicy('$schema: ./policy.schema.json\nversion: 1\n', 'p.yaml'),
    ).not.toThrow();
  });

  it('fills a limit from the core defaults: six_months, renewed within 30 days', () => {
    const policy = parsePolicy(
      'version: 1\nuser:\n  interaction_limit:\n    limit: existing_users\n',
      'p.yaml',
    );
    expect(DEFAULT_EXPIRY).toBe('six_months');
    expect(policy.user).toEqual({
      interactionLimit: {
        limit: 'existing_users',
        expiry: 'six_months',
        renewal: { enabled: true, windowSeconds: defaultRenewalWindowSeconds('six_months') },
        location: { file: 'p.yaml', line: 3, column: 3 },
      },
      location: { file: 'p.yaml', line: 2, column: 1 },
    });
  });

  it('reads renew_within as a duration or seconds, and renew: false with until', () => {
    const policy = parsePolicy(
      `version: 1
organizations:
  a: { interaction_limit: { limit: existing_users, expiry: one_week, renew_within: 1d12h } }
  b: { interaction_limit: { limit: existing_users, expiry: one_day, renew_within: 3600 } }
  c: { interaction_limit: { limit: collaborators_only, expiry: three_days, renew: false, until: 2026-12-01 } }
  d: { interaction_limit: { limit: existing_users, expiry: one_week, renew_within: 6d23h59m59s } }
`,
      'p.yaml',
    );
    const renewals = policy.organizations.map(
      (org) =>
        org.interactionLimit && 'renewal' in org.interactionLimit && org.interactionLimit.renewal,
    );
    expect(renewals).toEqual([
      { enabled: true, windowSeconds: 1.5 * DAY },
      { enabled: true, windowSeconds: 3600 },
      {
        enabled: false,
        windowSeconds: defaultRenewalWindowSeconds('three_days'),
        until: '2026-12-01T00:00:00.000Z',
      },
      { enabled: true, windowSeconds: 7 * DAY - 1 },
    ]);
  });

  it('refuses renew: false without until, saying why', () => {
    expect(() =>
      parsePolicy(
        `version: 1
repositories:
  - repository: acme/api
    interaction_limit: { limit: collaborators_only, renew: false }
`,
        'p.yaml',
      ),
    ).toThrow(
      /^p\.yaml:4:60: repositories\[0\]\.interaction_limit\.renew: renew: false needs until \(when the one-off limit ends, e\.g\. until: 2026-12-01T00:00:00Z\): the CLI keeps no state/,
    );
  });

  it('reads every form of the creation cap, at both ends of the range', () => {
    const policy = parsePolicy(
      `version: 1
organizations:
  a: { pr_creation_cap: false }
  b: { pr_creation_cap: disabled }
  c: { pr_creation_cap: { max_open_pull_requests: 1 } }
  d: { pr_creation_cap: { enabled: true, max_open_pull_requests: 1000 } }
  e: { pr_creation_cap: { enabled: false, max_open_pull_requests: 5 } }
  f: { pr_creation_cap: { enabled: false } }
`,
      'p.yaml',
    );
    expect(
      policy.organizations.map(({ prCreationCap }) => withoutLocation(prCreationCap!)),
    ).toEqual([
      { enabled: false, includeDrafts: false },
      { enabled: false, includeDrafts: false },
      { enabled: true, maxOpenPullRequests: 1, includeDrafts: false },
      { enabled: true, maxOpenPullRequests: 1000, includeDrafts: false },
      { enabled: false, maxOpenPullRequests: 5, includeDrafts: false },
      { enabled: false, includeDrafts: false },
    ]);
  });

  it('accepts a bypass list of exactly 100 logins, in the spelling written', () => {
    const users = Array.from({ length: 99 }, (_, i) => `user-${i}`).concat('Spacewalker');
    const policy = parsePolicy(
      `version: 1\nrepositories:\n  - repository: acme/api\n    pr_bypass_list: [${users.join(', ')}]\n`,
      'p.yaml',
    );
    expect(policy.repositories[0].settings.prBypassList?.users).toEqual(users);
  });

  it('fills the fields an entry leaves out from defaults.interaction_limit, field by field', () => {
    const policy = parsePolicy(
      `version: 1
defaults:
  interaction_limit:
    limit: existing_users
    expiry: one_month
    renew_within: 10d
repositories:
  - repository: acme/a
    interaction_limit: { limit: collaborators_only }
  - repository: acme/b
    interaction_limit: { expiry: one_week, renew_within: 2d }
  - repository: acme/c
    interaction_limit: { limit: none }
  - repository: acme/d
    pr_creation_cap: false
`,
      'p.yaml',
    );
    const limits = policy.repositories.map((entry) => {
      const limit = entry.settings.interactionLimit;
      return limit && withoutLocation(limit);
    });
    expect(limits).toEqual([
      {
        limit: 'collaborators_only',
        expiry: 'one_month',
        renewal: { enabled: true, windowSeconds: 10 * DAY },
      },
      {
        limit: 'existing_users',
        expiry: 'one_week',
        renewal: { enabled: true, windowSeconds: 2 * DAY },
      },
      { limit: 'none' },
      // acme/d declares no limit of its own: expansion gives it the defaults' limit.
      undefined,
    ]);
    expect(policy.defaults.interactionLimit).toMatchObject({
      limit: 'existing_users',
      expiry: 'one_month',
      location: { line: 3, column: 3 },
    });
  });

  it('treats defaults.interaction_limit without a limit as fields only, not a setting', () => {
    const policy = parsePolicy(
      `version: 1
defaults:
  interaction_limit: { expiry: one_week }
repositories:
  - repository: acme/a
    interaction_limit: { limit: existing_users }
`,
      'p.yaml',
    );
    expect(policy.defaults).toEqual({});
    expect(policy.repositories[0].settings.interactionLimit).toMatchObject({
      expiry: 'one_week',
      renewal: { enabled: true, windowSeconds: defaultRenewalWindowSeconds('one_week') },
    });
  });

  it('fills a selector with its defaults: every name, public, no archived, no forks', () => {
    const policy = parsePolicy(
      'version: 1\nrepositories:\n  - select: { organization: acme }\n    pr_creation_cap: false\n',
      'p.yaml',
    );
    expect(policy.repositories[0]).toMatchObject({
      type: 'selector',
      index: 0,
      path: 'repositories[0]',
      selector: {
        owner: { type: 'organization', login: 'acme' },
        names: ['*'],
        exclude: [],
        topicsAny: [],
        topicsAll: [],
        visibility: 'public',
        includeArchived: false,
        includeForks: false,
      },
      location: { file: 'p.yaml', line: 3, column: 5 },
    });
  });

  it('follows YAML anchors and merge keys, and still points at the entry that uses them', () => {
    const policy = parsePolicy(
      `version: 1
repositories:
  - repository: acme/a
    interaction_limit: &strict
      limit: collaborators_only
      expiry: one_week
  - repository: acme/b
    interaction_limit:
      <<: *strict
      expiry: one_day
`,
      'p.yaml',
    );
    expect(policy.repositories[1].settings.interactionLimit).toMatchObject({
      limit: 'collaborators_only',
      expiry: 'one_day',
      location: { line: 8, column: 5 },
    });
  });

  it('keeps the limit and expiry values in step with GitHub', () => {
    expect(LIMIT_VALUES).toEqual([...LIMIT_TYPES, 'none']);
    expect(EXPIRY_VALUES).toEqual(EXPIRIES);
  });
});
