import type { ResourceSpec } from '../../src/core';
import { EXPIRY_MIN_SECONDS } from '../../src/github';
import {
  DEFAULT_BYPASS_USERS,
  DEFAULT_CAP_ENABLED,
  DEFAULT_EXPIRY,
  DEFAULT_PLAN_CONCURRENCY,
  DEFAULT_RENEWAL_ENABLED,
  DEFAULT_RENEWAL_WINDOW_SECONDS,
  SpecValidationError,
  assertValidSpec,
  interactionLimitSpec,
  prBypassListSpec,
  prCreationCapSpec,
  validateSpec,
} from '../../src/core';

/** The issues a builder throws with; fails the test when it does not throw. */
function issuesOf(build: () => unknown) {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecValidationError);
    return (error as SpecValidationError).issues;
  }
  throw new Error('expected a SpecValidationError');
}
function messageOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('defaults (pinned: changing one changes what every front door does)', () => {
  test('values', () => {
    expect(DEFAULT_EXPIRY).toBe('six_months');
    expect(DEFAULT_RENEWAL_ENABLED).toBe(true);
    expect(DEFAULT_CAP_ENABLED).toBe(true);
    expect(DEFAULT_BYPASS_USERS).toEqual([]);
    expect(DEFAULT_PLAN_CONCURRENCY).toBe(4);
    expect(DEFAULT_RENEWAL_WINDOW_SECONDS).toEqual({
      one_day: 6 * 3600,
      three_days: 86400,
      one_week: 2 * 86400,
      one_month: 7 * 86400,
      six_months: 30 * 86400,
    });
  });

  test('every default window is positive and at most half its expiry', () => {
    for (const [expiry, window] of Object.entries(DEFAULT_RENEWAL_WINDOW_SECONDS)) {
      expect(window).toBeGreaterThan(0);
      expect(window).toBeLessThanOrEqual(
        EXPIRY_MIN_SECONDS[expiry as keyof typeof EXPIRY_MIN_SECONDS] / 2,
      );
    }
  });

  test('the builders apply them', () => {
    expect(interactionLimitSpec({ organization: 'acme', limit: 'existing_users' })).toEqual({
      kind: 'InteractionLimit',
      scope: { type: 'organization', org: 'acme' },
      limit: 'existing_users',
      expiry: 'six_months',
      renewal: { enabled: true, windowSeconds: 30 * 86400 },
    });
    expect(
      interactionLimitSpec({ user: true, limit: 'existing_users', expiry: 'one_day' }).renewal,
    ).toEqual({
      enabled: true,
      windowSeconds: 6 * 3600,
    });
    expect(prBypassListSpec({ repository: 'acme/api' })).toEqual({
      kind: 'PrBypassList',
      repository: { owner: 'acme', repo: 'api' },
      users: [],
    });
    expect(prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 3 })).toEqual({
      kind: 'PrCreationCap',
      scope: { type: 'organization', org: 'acme' },
      enabled: true,
      maxOpenPullRequests: 3,
      includeDrafts: false,
    });
  });
});

describe('InteractionLimit validation: each message names the field, the value and what is allowed', () => {
  test('an unknown limit', () => {
    const [issue] = issuesOf(() =>
      interactionLimitSpec({ organization: 'acme', limit: 'everyone' as never }),
    );
    expect(issue.message).toBe(
      '[limit] "everyone" is not allowed; expected one of existing_users, contributors_only, collaborators_only',
    );
    expect(issue).toMatchObject({ path: 'limit', value: 'everyone' });
  });

  test('an unknown expiry', () => {
    const [issue] = issuesOf(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        expiry: 'forever' as never,
      }),
    );
    expect(issue.message).toBe(
      '[expiry] "forever" is not allowed; expected one of one_day, three_days, one_week, one_month, six_months',
    );
  });

  test('no scope, and two scopes', () => {
    const [none] = issuesOf(() => interactionLimitSpec({ limit: 'existing_users' }));
    expect(none.message).toBe(
      "[organization, repository, user] no scope is set; expected exactly one scope: organization, repository (owner/name) or user (the token's user)",
    );
    const [two] = issuesOf(() =>
      interactionLimitSpec({
        organization: 'acme',
        repository: 'acme/api',
        limit: 'existing_users',
      }),
    );
    expect(two.message).toMatch(
      /^\[organization, repository\] organization "acme" and repository "acme\/api" are all set; expected exactly one scope/,
    );
  });

  test.each([
    ['acme', 'not owner/name'],
    ['acme/api/x', 'three parts'],
    ['-acme/api', 'owner starts with a hyphen'],
    ['acme/.', 'name is "."'],
    ['acme/..', 'name is ".."'],
    [`acme/${'a'.repeat(101)}`, 'name longer than 100'],
    ['acme/a b', 'space in the name'],
  ])('repository %j (%s) is refused, naming owner/name', (repository) => {
    const [issue] = issuesOf(() => interactionLimitSpec({ repository, limit: 'existing_users' }));
    expect(issue.path).toBe('repository');
    expect(issue.message).toContain(`[repository] ${JSON.stringify(repository)} is not allowed`);
    expect(issue.message).toContain('expected owner/name');
  });

  test.each(['a'.repeat(40), 'a--b', '-ab', 'ab-', 'a_b', ''])('login %j is refused', (login) => {
    const [issue] = issuesOf(() =>
      interactionLimitSpec({ organization: login, limit: 'existing_users' }),
    );
    expect(issue.message).toContain(
      'expected a GitHub login (1–39 letters, digits or single hyphens',
    );
  });

  test.each(['a'.repeat(39), 'a-b-c', 'A1', 'x'])('login %j is accepted', (login) => {
    expect(() =>
      interactionLimitSpec({ organization: login, limit: 'existing_users' }),
    ).not.toThrow();
    expect(() =>
      interactionLimitSpec({ repository: `${login}/.github`, limit: 'existing_users' }),
    ).not.toThrow();
  });

  test('renewal window: not positive, and not shorter than the expiry', () => {
    const [zero] = issuesOf(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        renewWithin: 0,
      }),
    );
    expect(zero.message).toBe(
      '[renewWithin] 0 is not allowed; expected a duration such as 12h, 3d, 1w or 1d12h, or a number of seconds',
    );
    const [long] = issuesOf(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        expiry: 'one_day',
        renewWithin: 86400,
      }),
    );
    expect(long.message).toBe(
      '[renewWithin] 86400 is too long; expected a number of seconds > 0 and shorter than the expiry one_day (86400 seconds)',
    );
  });

  test('a misspelt option is reported, not ignored', () => {
    const [issue] = issuesOf(() =>
      interactionLimitSpec({
        organization: 'acme',
        limit: 'existing_users',
        expires: 'one_day',
      } as never),
    );
    expect(issue.message).toMatch(
      /^\[expires\] is not a known option; expected one of organization, repository, user, limit/,
    );
  });

  test('every problem is listed at once, and the error names the resource', () => {
    const message = messageOf(() =>
      interactionLimitSpec({
        repository: 'acme/api',
        limit: 'nobody' as never,
        expiry: 'soon' as never,
      }),
    );
    expect(message).toMatch(/^InteractionLimit repo\/acme\/api is invalid \(2 problems\)/);
    expect(message).toContain('[limit] "nobody"');
    expect(message).toContain('[expiry] "soon"');
  });

  test('user: true, a login, or something else', () => {
    expect(interactionLimitSpec({ user: true, limit: 'existing_users' }).scope).toEqual({
      type: 'user',
    });
    expect(interactionLimitSpec({ user: 'octocat', limit: 'existing_users' }).scope).toEqual({
      type: 'user',
      login: 'octocat',
    });
    const [issue] = issuesOf(() =>
      interactionLimitSpec({ user: 42 as never, limit: 'existing_users' }),
    );
    expect(issue.message).toContain(
      "[user] 42 is not allowed; expected true (the token's user) or a GitHub login",
    );
  });
});

describe('PrBypassList validation', () => {
  test('more than 100 logins', () => {
    const users = Array.from({ length: 101 }, (_, i) => `user${i}`);
    const [issue] = issuesOf(() => prBypassListSpec({ repository: 'acme/api', users }));
    expect(issue.message).toBe(
      "[users] 101 logins are too many; expected at most 100 logins (GitHub's bypass list holds at most 100 users)",
    );
  });

  test('100 logins are fine', () => {
    const users = Array.from({ length: 100 }, (_, i) => `user${i}`);
    expect(prBypassListSpec({ repository: 'acme/api', users }).users).toHaveLength(100);
  });

  test('a duplicate ignoring case names both spellings and both positions', () => {
    const [issue] = issuesOf(() =>
      prBypassListSpec({ repository: 'acme/api', users: ['Hubot', 'jdoe', 'hubot'] }),
    );
    expect(issue.path).toBe('users[2]');
    expect(issue.message).toBe(
      '[users[2]] "Hubot" and "hubot" are the same login (logins are case-insensitive), also at users[0]; expected each login once',
    );
  });

  test('an invalid login names its index', () => {
    const [issue] = issuesOf(() =>
      prBypassListSpec({ repository: 'acme/api', users: ['ok', 'not ok'] }),
    );
    expect(issue.message).toMatch(
      /^\[users\[1\]\] "not ok" is not allowed; expected a GitHub login/,
    );
  });
});

describe('PrCreationCap validation', () => {
  test.each([0, 1001, 2.5, '5'])('maxOpenPullRequests %j is refused', (max) => {
    const [issue] = issuesOf(() =>
      prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: max as number }),
    );
    expect(issue.message).toBe(
      `[maxOpenPullRequests] ${JSON.stringify(max)} is not allowed; expected an integer from 1 to 1000`,
    );
  });

  test.each([1, 1000])('maxOpenPullRequests %d is accepted', (max) => {
    expect(
      prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: max }).maxOpenPullRequests,
    ).toBe(max);
  });

  test('required when enabled, optional when disabled', () => {
    const [issue] = issuesOf(() => prCreationCapSpec({ organization: 'acme' }));
    expect(issue.message).toBe(
      '[maxOpenPullRequests] is required when the cap is enabled; expected an integer from 1 to 1000',
    );
    expect(prCreationCapSpec({ organization: 'acme', enabled: false })).toEqual({
      kind: 'PrCreationCap',
      scope: { type: 'organization', org: 'acme' },
      enabled: false,
      includeDrafts: false,
    });
  });

  test('the user scope does not exist for caps', () => {
    const [issue] = issuesOf(() =>
      prCreationCapSpec({ user: true, maxOpenPullRequests: 1 } as never),
    );
    expect(issue.message).toMatch(/^\[user\] is not a known option/);
  });
});

describe('validateSpec: specs given as data (e.g. deserialized) are checked the same way', () => {
  test('a valid spec has no issues; assertValidSpec returns it', () => {
    const spec = interactionLimitSpec({ repository: 'acme/api', limit: 'existing_users' });
    expect(validateSpec(spec)).toEqual([]);
    expect(assertValidSpec(spec)).toBe(spec);
  });

  test('broken fields are reported with spec paths', () => {
    const spec = {
      kind: 'InteractionLimit',
      scope: { type: 'team', org: 'acme' },
      limit: 'existing_users',
      expiry: 'one_day',
      renewal: { enabled: 'yes', windowSeconds: 90000 },
    } as unknown as ResourceSpec;
    expect(validateSpec(spec).map((i) => i.message)).toEqual([
      '[scope.type] "team" is not allowed; expected one of organization, repository, user',
      '[renewal.enabled] "yes" is not allowed; expected true or false',
      '[renewal.windowSeconds] 90000 is too long; expected a number of seconds > 0 and shorter than the expiry one_day (86400 seconds)',
    ]);
    expect(() => assertValidSpec(spec)).toThrow(SpecValidationError);
  });

  test('a repository reference is reported as one owner/name value', () => {
    const spec = {
      kind: 'PrBypassList',
      repository: { owner: 'acme', repo: '..' },
      users: [],
    } as ResourceSpec;
    expect(validateSpec(spec)[0].message).toMatch(
      /^\[repository\] "acme\/\.\." is not allowed \(the name "\.\." is not a repository name\); expected owner\/name/,
    );
  });

  test('an unknown kind', () => {
    expect(validateSpec({ kind: 'Team' } as unknown as ResourceSpec)[0].message).toBe(
      '[kind] "Team" is not allowed; expected one of InteractionLimit, PrBypassList, PrCreationCap',
    );
  });
});
