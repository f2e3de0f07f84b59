import { documentedStatuses, validateRequestBody, validateResponse } from '../support/openapi';

/**
 * The local extensions of GitHub's OpenAPI description in test/support/openapi.ts: each adds
 * exactly one thing GitHub does that @octokit/openapi 23 does not describe, and nothing else.
 */

const REPO_LIMIT = '/repos/acme/internal/interaction-limits';
const PRIVATE_405 = {
  message: 'Interaction limits cannot be set for private repositories.',
  documentation_url:
    'https://docs.github.com/rest/interactions/repos#get-interaction-restrictions-for-a-repository',
  status: '405',
};
const CAP_PATHS = [
  '/orgs/acme/interaction-limits/pulls/creation-cap',
  '/repos/acme/api/interaction-limits/pulls/creation-cap',
];

describe('local OpenAPI extensions', () => {
  it('405 is documented for GET, PUT and DELETE of a repository limit, with a Basic Error body', () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      expect(documentedStatuses(method, REPO_LIMIT)).toContain('405');
      expect(validateResponse(method, REPO_LIMIT, 405, PRIVATE_405)).toEqual([]);
      expect(validateResponse(method, REPO_LIMIT, 405, { message: 7 })).not.toEqual([]);
    }
    // ... and nowhere else.
    expect(documentedStatuses('PUT', '/orgs/acme/interaction-limits')).not.toContain('405');
    expect(documentedStatuses('GET', '/user/interaction-limits')).not.toContain('405');
  });

  it('include_drafts is a boolean of the four cap operations’ answers and PATCH bodies', () => {
    for (const path of CAP_PATHS) {
      for (const method of ['GET', 'PATCH']) {
        const cap = { enabled: true, max_open_pull_requests: 3 };
        expect(validateResponse(method, path, 200, { ...cap, include_drafts: true })).toEqual([]);
        expect(validateResponse(method, path, 200, { ...cap, include_drafts: 'no' })).not.toEqual(
          [],
        );
        // The rest of the check is GitHub's: max_open_pull_requests stays 1–1000.
        expect(
          validateResponse(method, path, 200, { ...cap, max_open_pull_requests: 0 }),
        ).not.toEqual([]);
      }
      expect(validateRequestBody('PATCH', path, { enabled: true, include_drafts: false })).toEqual(
        [],
      );
      expect(validateRequestBody('PATCH', path, { enabled: true, include_drafts: 1 })).not.toEqual(
        [],
      );
      expect(validateRequestBody('PATCH', path, { include_drafts: true })).not.toEqual([]);
    }
  });
});
