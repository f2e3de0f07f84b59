import { z } from 'zod';
import {
  BYPASS_LIST_MAX_USERS,
  EXPIRIES,
  LIMIT_TYPES,
  MAX_OPEN_PULL_REQUESTS,
} from '../../src/github';
import { RESOURCE_KINDS, UNKNOWN, kindContract, snakeCase } from '../../src/core';
import { policyJsonSchema } from '../../src/policy';

describe('one schema per kind: the neutral attribute description', () => {
  test('every kind in the registry describes its attributes, with descriptions', () => {
    for (const kind of RESOURCE_KINDS) {
      const { attributes } = kindContract(kind);
      expect(attributes.length).toBeGreaterThan(1);
      for (const attribute of attributes) {
        expect(attribute.description.length).toBeGreaterThan(10);
        expect(attribute.name).toMatch(/^[a-z][A-Za-z]*$/);
      }
    }
  });

  test("InteractionLimit: scope is exactly one of three, GitHub's enums, defaults, computed outputs", () => {
    const byName = Object.fromEntries(
      kindContract('InteractionLimit').attributes.map((a) => [a.name, a]),
    );
    expect(byName.repository).toMatchObject({
      presence: 'optional',
      requiresReplace: true,
      exactlyOneOf: ['organization', 'repository', 'user'],
    });
    expect(byName.limit).toMatchObject({ presence: 'required', allowedValues: LIMIT_TYPES });
    expect(byName.expiry).toMatchObject({ default: 'six_months', allowedValues: EXPIRIES });
    expect(byName.renew).toMatchObject({ default: true, type: 'boolean' });
    expect(byName.renewWithin.defaultDescription).toMatch(/30d for six_months/);
    expect(byName.origin.presence).toBe('computed');
    expect(byName.expiresAt.presence).toBe('computed');
  });

  test('PrCreationCap and PrBypassList carry the ranges from GitHub facts', () => {
    const cap = kindContract('PrCreationCap').attributes.find(
      (a) => a.name === 'maxOpenPullRequests',
    );
    expect(cap).toMatchObject({ minimum: 1, maximum: MAX_OPEN_PULL_REQUESTS, type: 'number' });
    const users = kindContract('PrBypassList').attributes.find((a) => a.name === 'users');
    expect(users).toMatchObject({ type: 'string_list', default: [] });
    expect(users?.description).toContain(`At most ${BYPASS_LIST_MAX_USERS}`);
    expect(snakeCase('maxOpenPullRequests')).toBe('max_open_pull_requests');
  });

  test('the inputs schema documents itself as JSON Schema, with the same enums', () => {
    const json = z.toJSONSchema(kindContract('InteractionLimit').inputsSchema) as {
      properties: Record<string, { enum?: unknown[]; description?: string; default?: unknown }>;
      required: string[];
    };
    expect(json.required).toEqual(['limit']);
    expect(json.properties.limit.enum).toEqual([...LIMIT_TYPES]);
    expect(json.properties.expiry.default).toBe('six_months');
  });

  test('the policy file takes its enums and its login rule from the same facts', () => {
    const text = JSON.stringify(policyJsonSchema());
    for (const limit of LIMIT_TYPES) expect(text).toContain(limit);
    expect(text).toContain(JSON.stringify(EXPIRIES));
    expect(text).toContain(`"maximum":${MAX_OPEN_PULL_REQUESTS}`);
  });
});

describe('validation with values not known yet (Terraform and Pulumi plan with unknowns)', () => {
  const limit = kindContract('InteractionLimit');
  const list = kindContract('PrBypassList');
  const cap = kindContract('PrCreationCap');

  test('an unknown required value is never reported missing; known ones are still checked', () => {
    expect(limit.validateInputs({ repository: UNKNOWN, limit: UNKNOWN })).toEqual([]);
    const issues = limit.validateInputs({ repository: UNKNOWN, limit: 'nobody' });
    expect(issues.map((i) => i.message)).toEqual([
      '[limit] "nobody" is not allowed; expected one of existing_users, contributors_only, collaborators_only',
    ]);
  });

  test('an unknown scope counts as the one scope given; two scopes are still two', () => {
    expect(limit.validateInputs({ organization: UNKNOWN, limit: 'existing_users' })).toEqual([]);
    const [issue] = limit.validateInputs({
      organization: 'acme',
      repository: UNKNOWN,
      limit: 'existing_users',
    });
    expect(issue.message).toMatch(
      /repository \(not known yet\) are all set; expected exactly one scope/,
    );
  });

  test('a cross-field rule waits for both values: renewWithin against an unknown expiry', () => {
    expect(
      limit.validateInputs({
        organization: 'acme',
        limit: 'existing_users',
        expiry: UNKNOWN,
        renewWithin: '30d',
      }),
    ).toEqual([]);
    expect(
      limit.validateInputs({
        organization: 'acme',
        limit: 'existing_users',
        expiry: 'one_day',
        renewWithin: '2d',
      })[0].message,
    ).toMatch(
      /^\[renewWithin\] "2d" is too long; expected a number of seconds > 0 and shorter than the expiry one_day/,
    );
  });

  test('unknown list elements are deferred; known ones are checked with their index', () => {
    expect(list.validateInputs({ repository: 'acme/api', users: ['hubot', UNKNOWN] })).toEqual([]);
    const [issue] = list.validateInputs({ repository: 'acme/api', users: [UNKNOWN, '-bad'] });
    expect(issue.path).toBe('users[1]');
  });

  test('an enabled cap with an unknown maximum is not "missing"', () => {
    expect(cap.validateInputs({ organization: 'acme', maxOpenPullRequests: UNKNOWN })).toEqual([]);
    expect(cap.validateInputs({ organization: 'acme' })[0].message).toMatch(
      /^\[maxOpenPullRequests\] is required when the cap is enabled/,
    );
  });
});
