import { TOKENS, useTestEmulator } from '../support/emulator';

/**
 * The curl samples of GitHub's documentation pages (the reference copies in
 * /work/shared/reference/seeds/, transcribed verbatim below), run against the emulator with the
 * same method, headers and body, the host replaced and the placeholders filled in: they must
 * answer as the pages say.
 */

interface Sample {
  /** Which page the sample comes from. */
  readonly page: string;
  readonly curl: string;
  /** The status the page documents for the sample. */
  readonly status: number;
  /** The page's example response, when it shows one (compared by shape and origin). */
  readonly example?: Record<string, unknown> | Array<Record<string, unknown>>;
}

const LIMIT_EXAMPLE = (origin: string) => ({
  limit: 'collaborators_only',
  origin,
  expires_at: '2018-08-17T04:18:39Z',
});
const REPOSITORY_PAGE = 'REST API endpoints for repository interactions (2022-11-28)';
const SPANISH_PAGE =
  'Puntos de conexión de la API de REST para interacciones de repositorio (2026-03-10)';
const OLD_PAGE = 'Interactions (v3 reference: Organization, Repository, User)';

// Order matters: each page's samples run in sequence (set, read, remove).
const SAMPLES: Sample[] = [
  {
    page: REPOSITORY_PAGE,
    curl: `curl -L \\ -X PUT \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2022-11-28" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits \\ -d '{"limit":"collaborators_only","expiry":"one_day"}'`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: REPOSITORY_PAGE,
    curl: `curl -L \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2022-11-28" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: REPOSITORY_PAGE,
    curl: `curl -L \\ -X DELETE \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2022-11-28" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits`,
    status: 204,
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -X PUT \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits \\ -d '{"limit":"collaborators_only","expiry":"one_day"}'`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -X DELETE \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits`,
    status: 204,
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -X PUT \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits/pulls/bypass-list \\ -d '{"users":["octocat","monalisa"]}'`,
    status: 204,
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits/pulls/bypass-list`,
    status: 200,
    // The page shows octocat first; monalisa, added by the same PUT, follows.
    example: [
      {
        login: 'octocat',
        id: 1,
        node_id: 'MDQ6VXNlcjE=',
        gravatar_id: '',
        type: 'User',
        site_admin: false,
      },
    ],
  },
  {
    page: SPANISH_PAGE,
    curl: `curl -L \\ -X DELETE \\ -H "Accept: application/vnd.github+json" \\ -H "Authorization: Bearer <YOUR-TOKEN>" \\ -H "X-GitHub-Api-Version: 2026-03-10" \\ https://api.github.com/repos/OWNER/REPO/interaction-limits/pulls/bypass-list \\ -d '{"users":["octocat"]}'`,
    status: 204,
  },
  // The v3 reference page: no Authorization header (added below) and `{"limit":"limit"}` as a
  // placeholder body, filled in like OWNER/REPO.
  {
    page: OLD_PAGE,
    curl: `curl \\ -X PUT \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/orgs/ORG/interaction-limits \\ -d '{"limit":"limit"}'`,
    status: 200,
    example: LIMIT_EXAMPLE('organization'),
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/orgs/ORG/interaction-limits`,
    status: 200,
    example: LIMIT_EXAMPLE('organization'),
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -X DELETE \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/orgs/ORG/interaction-limits`,
    status: 204,
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -X PUT \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/repos/octocat/hello-world/interaction-limits \\ -d '{"limit":"limit"}'`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/repos/octocat/hello-world/interaction-limits`,
    status: 200,
    example: LIMIT_EXAMPLE('repository'),
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -X DELETE \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/repos/octocat/hello-world/interaction-limits`,
    status: 204,
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -X PUT \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/user/interaction-limits \\ -d '{"limit":"limit"}'`,
    status: 200,
    example: LIMIT_EXAMPLE('user'),
  },
  {
    // The page's GET example shows origin "organization", its PUT example "user"; a user limit's
    // origin is "user" (OpenAPI example `interaction-limit-user`).
    page: OLD_PAGE,
    curl: `curl \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/user/interaction-limits`,
    status: 200,
    example: LIMIT_EXAMPLE('user'),
  },
  {
    page: OLD_PAGE,
    curl: `curl \\ -X DELETE \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/user/interaction-limits`,
    status: 204,
  },
  {
    // "Response when there are no restrictions": 204.
    page: OLD_PAGE,
    curl: `curl \\ -H "Accept: application/vnd.github.v3+json" \\ https://api.github.com/user/interaction-limits`,
    status: 204,
  },
];

interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Splits a one-line curl command as a shell would (quotes, `\` line joins). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of command.matchAll(pattern)) {
    const word = match[1] ?? match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? '';
    if (word !== '\\') words.push(word);
  }
  return words;
}

function parseCurl(command: string): CurlRequest {
  const words = shellWords(command);
  if (words.shift() !== 'curl') throw new Error(`not a curl command: ${command}`);
  const request: CurlRequest = { method: 'GET', url: '', headers: {} };
  let explicitMethod = false;
  while (words.length > 0) {
    const word = words.shift() ?? '';
    if (word === '-L') continue;
    if (word === '-X') {
      request.method = words.shift() ?? '';
      explicitMethod = true;
    } else if (word === '-H') {
      const header = words.shift() ?? '';
      const colon = header.indexOf(':');
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d') {
      request.body = words.shift();
      if (!explicitMethod) request.method = 'POST';
      // What curl sends with -d; GitHub parses the body as JSON anyway.
      request.headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (/^https?:\/\//.test(word)) {
      request.url = word;
    } else {
      throw new Error(`unexpected curl argument "${word}" in: ${command}`);
    }
  }
  return request;
}

function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, typeof (value as Record<string, unknown>)[k]]),
    );
  }
  return typeof value;
}

describe('curl samples of the GitHub documentation pages', () => {
  const emu = useTestEmulator({ resetBeforeEach: false });

  it('parses the samples like a shell', () => {
    expect(parseCurl(SAMPLES[0]?.curl ?? '')).toEqual({
      method: 'PUT',
      url: 'https://api.github.com/repos/OWNER/REPO/interaction-limits',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: 'Bearer <YOUR-TOKEN>',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '{"limit":"collaborators_only","expiry":"one_day"}',
    });
  });

  it.each(SAMPLES.map((s, i) => [i + 1, s.page, s] as const))(
    'sample %i (%s) answers as the page says',
    async (_n, _page, sample) => {
      const request = parseCurl(sample.curl);
      const url = request.url
        .replace('https://api.github.com', emu.url)
        .replace('/repos/OWNER/REPO/', '/repos/acme/api/')
        .replace('/orgs/ORG/', '/orgs/acme/');
      const headers = { authorization: `Bearer <YOUR-TOKEN>`, ...request.headers };
      headers.authorization = headers.authorization.replace('<YOUR-TOKEN>', TOKENS.octocat);
      const body = request.body?.replace('{"limit":"limit"}', '{"limit":"collaborators_only"}');
      const response = await fetch(url, { method: request.method, headers, body });
      expect(response.status).toBe(sample.status);
      const text = await response.text();
      if (sample.example === undefined) {
        expect(text).toBe('');
        return;
      }
      const json: unknown = JSON.parse(text);
      if (Array.isArray(sample.example)) {
        expect((json as unknown[])[0]).toMatchObject(sample.example[0] ?? {});
      } else {
        expect(shapeOf(json)).toEqual(shapeOf(sample.example));
        expect(json).toMatchObject({ limit: sample.example.limit, origin: sample.example.origin });
      }
    },
  );

  it('answers the v3 page’s literal placeholder body with the documented 422 "Validation failed"', async () => {
    for (const path of ['/orgs/acme/interaction-limits', '/user/interaction-limits']) {
      const response = await fetch(`${emu.url}${path}`, {
        method: 'PUT',
        headers: {
          accept: 'application/vnd.github.v3+json',
          authorization: `Bearer ${TOKENS.octocat}`,
        },
        body: '{"limit":"limit"}',
      });
      expect(response.status).toBe(422);
    }
  });
});
