import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { useTestEmulator } from '../support/emulator';

/**
 * Issue 12.2: behind a proxy or a captive portal, a request can be answered 200 with an HTML
 * page, a body that is not JSON though it says so, or JSON of another shape. None of it may
 * become state: `plan` and `drift` stop with an error naming the request, and write nothing.
 *
 * A tiny node:http server sits in front of the emulator: it forwards every request, except the
 * one under test, which it answers with garbage.
 */
const emu = useTestEmulator();

/** Past the first 200 characters, the most any message quotes of a body. */
const SECRET_MARKUP = `${'x'.repeat(200)}do-not-quote-this-markup`;
const GARBAGE = {
  html: {
    type: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><head><title>Hotel Wi-Fi &amp; Sign-in</title></head><body><script>${SECRET_MARKUP}</script></body></html>`,
    says: /the body is not JSON \(an HTML page titled "Hotel Wi-Fi & Sign-in"\)/,
  },
  'non-JSON with a JSON content type': {
    type: 'application/json; charset=utf-8',
    body: `{"limit": "existing_users", ${SECRET_MARKUP}`,
    says: /the body is not valid JSON although its content type says so/,
  },
  'JSON of the wrong shape': {
    type: 'application/json; charset=utf-8',
    body: JSON.stringify({ status: 'ok', hint: SECRET_MARKUP }),
    // The first problem zod found, with its path when it has one.
    says: /is not what GitHub sends: expected [^;]+; (\[[\w.[\]]+\] )?(expected|invalid)/i,
  },
} as const;
type GarbageKind = keyof typeof GARBAGE;
const type = (kind: GarbageKind) => GARBAGE[kind].type.replace(/[+]/g, '\\+');

interface Misbehaving {
  readonly url: string;
  /** Requests answered with garbage. */
  hits: number;
  close(): Promise<void>;
}

/** Forwards to the emulator; answers `method path` (exact) with `garbage` instead. */
async function misbehavingServer(
  target: string,
  method: string,
  path: string,
  garbage: GarbageKind,
  status = 200,
): Promise<Misbehaving> {
  const state = { hits: 0 };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === method && url.pathname === path) {
      state.hits++;
      const { type, body } = GARBAGE[garbage];
      response.writeHead(status, { 'content-type': type });
      response.end(body);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host') headers.set(name, value);
    }
    const answer = await fetch(new URL(request.url ?? '/', target), {
      method: request.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name)) {
        out[name] = value;
      }
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      response.writeHead(599);
      response.end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function policy(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-garbage-'));
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, `version: 1\n${yaml}`);
  return file;
}

const ORG_LIMIT = 'organizations:\n  acme:\n    interaction_limit: { limit: existing_users }\n';
const ORG_CAP = 'organizations:\n  acme:\n    pr_creation_cap: { max_open_pull_requests: 3 }\n';
const REPO_LIMIT =
  'repositories:\n  - repository: acme/api\n    interaction_limit: { limit: existing_users }\n';
const BYPASS = 'repositories:\n  - repository: acme/api\n    pr_bypass_list: [hubot]\n';
const USER_LIMIT = 'user:\n  interaction_limit: { limit: existing_users }\n';
const SELECT =
  'repositories:\n  - select: { organization: acme }\n    interaction_limit: { limit: existing_users }\n';

/** Each kind of read the client makes for a plan, and a policy that makes it. */
const READS: ReadonlyArray<readonly [string, string, string]> = [
  ['the organization limit', '/orgs/acme/interaction-limits', ORG_LIMIT],
  ['the repository limit', '/repos/acme/api/interaction-limits', REPO_LIMIT],
  ['the user limit', '/user/interaction-limits', USER_LIMIT],
  ['the bypass list', '/repos/acme/api/interaction-limits/pulls/bypass-list', BYPASS],
  ['the creation cap', '/orgs/acme/interaction-limits/pulls/creation-cap', ORG_CAP],
  ['the repository', '/repos/acme/api', BYPASS],
  ['the organization', '/orgs/acme', ORG_CAP],
  ['the token user', '/user', USER_LIMIT],
  ['a repository listing', '/orgs/acme/repos', SELECT],
];
const KINDS = Object.keys(GARBAGE) as GarbageKind[];
const CASES = READS.flatMap(([what, path, yaml]) =>
  KINDS.map((kind) => [what, kind, path, yaml] as const),
);

describe('garbage answers are errors, never state (issue 12.2)', () => {
  test.each(CASES)(
    '%s answered 200 with %s: plan and drift exit 1 naming the request, and write nothing',
    async (_what, kind, path, yaml) => {
      const proxy = await misbehavingServer(emu.url, 'GET', path, kind);
      try {
        const file = policy(yaml);
        const out = join(file, '..', 'plan.json');
        // REST reads (the listing through GET /orgs/acme/repos); GraphQL has its own test below.
        const env = emulatorEnv(proxy.url, { GH_INTERACTIONS_GRAPHQL: 'off' });
        const plan = await runCli(['plan', '--out', out, file], env);
        const drift = await runCli(['drift', file], env);
        expect(proxy.hits).toBeGreaterThanOrEqual(2);
        for (const run of [plan, drift]) {
          expect(run.code).toBe(1);
          expect(run.stderr).toMatch(
            new RegExp(`The answer to GET ${path}(\\?\\S*)? \\(200, content type ${type(kind)}\\)`),
          );
          expect(run.stderr).toContain('is not what GitHub sends');
          expect(run.stderr).toMatch(GARBAGE[kind].says);
          expect(run.stderr).not.toContain(SECRET_MARKUP);
          expect(run.stderr).not.toContain('TypeError');
          expect(run.stdout).not.toMatch(/No changes|Plan:/);
        }
        expect(existsSync(out)).toBe(false);
        const { requests } = await emu.admin.requests();
        expect(requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')).toEqual([]);
      } finally {
        await proxy.close();
      }
    },
  );

  test('a GraphQL answer of the wrong shape is not "no limit": the limits are read through REST', async () => {
    await emu.admin.setRepoLimit('acme/api', { limit: 'collaborators_only', expiry: 'one_week' });
    const file = policy(SELECT);
    const truth = await runCli(['plan', '--json', file], emulatorEnv(emu.url));
    for (const kind of KINDS) {
      const proxy = await misbehavingServer(emu.url, 'POST', '/graphql', kind);
      try {
        const plan = await runCli(['plan', '--json', file], emulatorEnv(proxy.url));
        expect(proxy.hits).toBeGreaterThan(0);
        expect(plan.code).toBe(truth.code);
        const changes = (text: string) =>
          (
            JSON.parse(text) as { changes: { id: string; action: string; before: unknown }[] }
          ).changes.map(({ id, action, before }) => ({ id, action, before }));
        expect(changes(plan.stdout)).toEqual(changes(truth.stdout));
        expect(changes(plan.stdout)).toContainEqual(
          expect.objectContaining({ id: 'repo/acme/api', action: 'update' }),
        );
      } finally {
        await proxy.close();
      }
    }
  });

  test("an HTML error page (a proxy's 403) is summarised by its title, never quoted whole (issue 12.9)", async () => {
    const proxy = await misbehavingServer(
      emu.url,
      'GET',
      '/orgs/acme/interaction-limits/pulls/creation-cap',
      'html',
      403,
    );
    try {
      const run = await runCli(['plan', policy(ORG_CAP)], emulatorEnv(proxy.url));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        '(403 GET /orgs/acme/interaction-limits/pulls/creation-cap) the answer was an HTML page titled "Hotel Wi-Fi & Sign-in"',
      );
      expect(run.stderr).not.toContain('<script>');
      expect(run.stderr).not.toContain('do-not-quote-this-markup');
    } finally {
      await proxy.close();
    }
  });
});
