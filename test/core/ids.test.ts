import fc from 'fast-check';
import type { ResourceKind, ResourceTarget } from '../../src/core';
import {
  ResourceIdError,
  interactionLimitSpec,
  parseResourceId,
  prBypassListSpec,
  prCreationCapSpec,
  resourceId,
  targetOf,
} from '../../src/core';

describe('resource ids (the contract of Pulumi ids and Terraform import ids)', () => {
  test.each([
    [interactionLimitSpec({ organization: 'acme', limit: 'existing_users' }), 'org/acme'],
    [interactionLimitSpec({ repository: 'acme/api', limit: 'existing_users' }), 'repo/acme/api'],
    [interactionLimitSpec({ user: 'octocat', limit: 'existing_users' }), 'user/octocat'],
    [prBypassListSpec({ repository: 'octocat/hello-world' }), 'octocat/hello-world'],
    [prCreationCapSpec({ organization: 'acme', maxOpenPullRequests: 2 }), 'org/acme'],
    [
      prCreationCapSpec({ repository: 'acme/my.repo_1', maxOpenPullRequests: 2 }),
      'repo/acme/my.repo_1',
    ],
  ])('%j has id %s, which parses back to its target', (spec, id) => {
    expect(resourceId(spec)).toBe(id);
    expect(parseResourceId(spec.kind, id)).toEqual(targetOf(spec));
  });

  test('a user scope without a login has no id yet, and says what to do', () => {
    expect(() => resourceId(interactionLimitSpec({ user: true, limit: 'existing_users' }))).toThrow(
      /user\/LOGIN.*declare the login, or plan the resource/,
    );
  });

  const login = fc
    .stringMatching(/^[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,12}){0,3}$/)
    .filter((l) => l.length <= 39);
  const repo = fc.stringMatching(/^[A-Za-z0-9._-]{1,100}$/).filter((n) => n !== '.' && n !== '..');
  const target: fc.Arbitrary<ResourceTarget> = fc.oneof(
    login.map(
      (org) => ({ kind: 'InteractionLimit', scope: { type: 'organization', org } }) as const,
    ),
    fc
      .tuple(login, repo)
      .map(
        ([owner, r]) =>
          ({ kind: 'InteractionLimit', scope: { type: 'repository', owner, repo: r } }) as const,
      ),
    login.map((l) => ({ kind: 'InteractionLimit', scope: { type: 'user', login: l } }) as const),
    fc
      .tuple(login, repo)
      .map(([owner, r]) => ({ kind: 'PrBypassList', repository: { owner, repo: r } }) as const),
    login.map((org) => ({ kind: 'PrCreationCap', scope: { type: 'organization', org } }) as const),
    fc
      .tuple(login, repo)
      .map(
        ([owner, r]) =>
          ({ kind: 'PrCreationCap', scope: { type: 'repository', owner, repo: r } }) as const,
      ),
  );

  test('every valid target round-trips through its id', () => {
    fc.assert(
      fc.property(target, (t) => {
        expect(parseResourceId(t.kind, resourceId(t))).toEqual(t);
      }),
    );
  });

  test.each<[ResourceKind, string, string]>([
    ['InteractionLimit', 'acme', 'expected org/ORG, repo/OWNER/NAME or user/LOGIN.'],
    ['InteractionLimit', 'acme/api', 'expected org/ORG, repo/OWNER/NAME or user/LOGIN.'],
    ['InteractionLimit', 'organization/acme', 'expected org/ORG, repo/OWNER/NAME or user/LOGIN.'],
    ['PrBypassList', 'repo/acme/api', 'expected OWNER/NAME.'],
    ['PrCreationCap', 'user/octocat', 'expected org/ORG or repo/OWNER/NAME.'],
    ['PrCreationCap', '', 'expected org/ORG or repo/OWNER/NAME.'],
  ])('%s id %j is refused, listing the accepted forms', (kind, id, forms) => {
    expect(() => parseResourceId(kind, id)).toThrow(ResourceIdError);
    expect(() => parseResourceId(kind, id)).toThrow(
      `${JSON.stringify(id)} is not a valid ${kind} id`,
    );
    expect(() => parseResourceId(kind, id)).toThrow(forms);
  });

  test('a well-formed id with a bad name says which part is wrong', () => {
    expect(() => parseResourceId('InteractionLimit', 'repo/-acme/api')).toThrow(
      '"repo/-acme/api" is not a valid InteractionLimit id ("-acme" is not a GitHub login for the owner); expected org/ORG',
    );
    expect(() => parseResourceId('PrBypassList', 'acme/..')).toThrow(
      '".." is not a repository name',
    );
  });

  test('an unknown kind', () => {
    expect(() => parseResourceId('Team' as ResourceKind, 'org/acme')).toThrow(
      /unknown kind; expected one of InteractionLimit, PrBypassList, PrCreationCap/,
    );
  });
});
