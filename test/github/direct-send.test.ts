import { RequestError } from '@octokit/request-error';
import { createClient } from '../../src/github';

/**
 * With a token, the transport sends each request itself, straight to fetch, instead of through
 * Octokit's own fetch wrapper (issue 11.3: one URL parse per request, no error object for a 304).
 * What goes on the wire, and what comes back to callers, must be what Octokit's pipeline would
 * give: the same URL, method, body and headers as `octokit.request.endpoint` computes, and the
 * same RequestError for an error answer.
 */
interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function recordingClient(answer: (sent: Sent) => Response, token = 'gho_secret_token') {
  const sent: Sent[] = [];
  const client = createClient({
    baseUrl: 'http://127.0.0.1:9',
    token,
    pacing: 'off',
    retries: 0,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const record: Sent = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: { ...(init?.headers as Record<string, string>) },
        body: typeof init?.body === 'string' ? init.body : undefined,
      };
      sent.push(record);
      return answer(record);
    }) as typeof fetch,
  });
  return { client, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

describe('requests the transport sends itself', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'GET with path parameters',
      'GET /repos/{owner}/{repo}/interaction-limits',
      { owner: 'acme', repo: 'a.b-c_d' },
    ],
    [
      'GET with a query',
      'GET /orgs/{org}/repos',
      { org: 'acme', type: 'public', per_page: 100, page: 2 },
    ],
    [
      'PUT with a JSON body',
      'PUT /repos/{owner}/{repo}/interaction-limits',
      { owner: 'acme', repo: 'api', limit: 'existing_users', expiry: 'one_day' },
    ],
    [
      'PATCH with a JSON body',
      'PATCH /orgs/{org}/interaction-limits/pulls/creation-cap',
      { org: 'acme', max_open_pull_requests: 3 },
    ],
    [
      'DELETE with a body',
      'DELETE /repos/{owner}/{repo}/interaction-limits/pulls/bypass-list',
      { owner: 'acme', repo: 'api', users: ['hubot'] },
    ],
    ['DELETE without one', 'DELETE /user/interaction-limits', {}],
    [
      'a GraphQL query',
      'POST /graphql',
      {
        query: 'query($l: String!) { organization(login: $l) { login } }',
        variables: { l: 'acme' },
      },
    ],
    ['a name that needs encoding', 'GET /users/{username}', { username: "we ird/(name)*'!" }],
    [
      'unicode, numbers and an empty value',
      'GET /repos/{owner}/{repo}',
      { owner: 'ünï côdé', repo: 42, extra: '' },
    ],
    [
      'a query that needs encoding, a boolean',
      'GET /orgs/{org}/repos',
      { org: 'acme', sort: 'a&b=c d/é', archived: false },
    ],
    ['a search query (q)', 'GET /search/repositories', { q: 'org:acme+topic:spam is:public' }],
    ['an array in a query', 'GET /orgs/{org}/repos', { org: 'acme', ids: [1, 2] }],
    [
      'a media-type format',
      'GET /repos/{owner}/{repo}',
      { owner: 'acme', repo: 'api', mediaType: { format: 'raw' } },
    ],
    ['a full URL (a next page)', 'GET http://127.0.0.1:9/orgs/acme/repos?page=2', {}],
    ['PUT without parameters', 'PUT /user/following/{username}', { username: 'hubot' }],
    [
      'a template with an operator',
      'GET /repos/{owner}/{repo}/contents/{+path}',
      { owner: 'acme', repo: 'api', path: 'a/b c' },
    ],
  ];

  test.each(cases)(
    '%s: the URL, method, body and headers Octokit would send',
    async (_, route, params) => {
      const { client, sent } = recordingClient(() => json(200, { ok: true }));
      const answer = await client.octokit.request(route, params);
      expect(answer).toMatchObject({ status: 200, data: { ok: true } });
      const expected = client.octokit.request.endpoint(route, params) as {
        url: string;
        method: string;
        headers: Record<string, string>;
        body?: unknown;
      };
      const [request] = sent;
      expect(request.url).toBe(expected.url);
      expect(request.method).toBe(expected.method);
      expect(
        request.body === undefined || request.body === '' ? request.body : JSON.parse(request.body),
      ).toEqual(expected.body);
      expect(request.headers).toEqual({
        ...expected.headers,
        'x-github-api-version': '2022-11-28',
        authorization: 'token gho_secret_token',
      });
    },
  );

  test('a JWT is sent as a bearer token, as @octokit/auth-token does', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl';
    const { client, sent } = recordingClient(() => json(200, {}), jwt);
    await client.octokit.request('GET /app');
    expect(sent[0].headers.authorization).toBe(`bearer ${jwt}`);
  });

  test('an error answer is the RequestError Octokit gives: status, GitHub message with its details, the answer, the token redacted', async () => {
    const { client } = recordingClient(() =>
      json(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Repo', code: 'invalid', field: 'limit' }],
        documentation_url: 'https://docs.github.com/rest',
      }),
    );
    const error = await client.octokit
      .request('PUT /repos/{owner}/{repo}/interaction-limits', {
        owner: 'acme',
        repo: 'api',
        limit: 'nope' as 'existing_users',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({
      status: 422,
      message:
        'Validation Failed: {"resource":"Repo","code":"invalid","field":"limit"} - https://docs.github.com/rest',
      response: { status: 422, data: { message: 'Validation Failed' } },
      request: { method: 'PUT', headers: { authorization: 'token [REDACTED]' } },
    });
    expect(JSON.stringify(error)).not.toContain('gho_secret_token');
  });

  test('a 304 to a conditional GET is the cached answer; the headers of the 304 win, the kept ones fill in', async () => {
    let calls = 0;
    const { client, sent } = recordingClient((request) => {
      calls++;
      if (request.headers['if-none-match'] === 'W/"v1"') {
        return new Response(null, { status: 304, headers: { 'x-ratelimit-remaining': '41' } });
      }
      return json(
        200,
        { limit: 'existing_users' },
        { etag: 'W/"v1"', 'x-ratelimit-remaining': '42' },
      );
    });
    const route = 'GET /repos/{owner}/{repo}/interaction-limits';
    const first = await client.octokit.request(route, { owner: 'acme', repo: 'api' });
    const second = await client.octokit.request(route, { owner: 'acme', repo: 'api' });
    expect(calls).toBe(2);
    expect(sent[1].headers['if-none-match']).toBe('W/"v1"');
    expect(second.status).toBe(200);
    expect(second.data).toEqual(first.data);
    expect(second.headers).toMatchObject({
      etag: 'W/"v1"',
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-remaining': '41',
    });
    expect(client.etags.hits).toBe(1);
  });

  test('a 304 nobody asked for is an error, as with Octokit', async () => {
    const { client } = recordingClient(() => new Response(null, { status: 304 }));
    await expect(
      client.octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'api' }),
    ).rejects.toMatchObject({ name: 'HttpError', status: 304 });
  });

  test('a body that is not JSON comes back as text', async () => {
    const { client } = recordingClient(
      () =>
        new Response('<html>hi</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const answer = await client.octokit.request('GET /repos/{owner}/{repo}', {
      owner: 'acme',
      repo: 'api',
    });
    expect(answer.data).toBe('<html>hi</html>');
  });
});
