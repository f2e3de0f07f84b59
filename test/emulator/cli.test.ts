import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  EmulatorAdminClient,
  GITHUB_SECONDARY_LIMITS,
  registerEmulatorCommand,
  runEmulatorCommand,
} from '../../src/emulator';
import { isLoopbackHost } from '../../src/emulator/cli';
import { TOKENS, gitHubRequest } from '../support/emulator';

/** Captures output; resolves `firstLine` as soon as the URL line is written. */
function capture() {
  let out = '';
  let err = '';
  let resolveLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => {
    resolveLine = resolve;
  });
  return {
    io: {
      stdout: {
        write: (text: string) => {
          out += text;
          if (out.includes('\n')) resolveLine(out.split('\n')[0] ?? '');
          return true;
        },
      },
      stderr: { write: (text: string) => ((err += text), true) },
    },
    firstLine,
    out: () => out,
    err: () => err,
  };
}

describe('gh-interactions emulator (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gh-interactions-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function serve(argv: string[]) {
    const output = capture();
    const controller = new AbortController();
    const exit = runEmulatorCommand(argv, { ...output.io, signal: controller.signal });
    const url = await Promise.race([
      output.firstLine,
      exit.then((code) => `exited ${code}: ${output.err()}`),
    ]);
    return { url, output, exit, stop: () => controller.abort() };
  }

  it('prints the base URL as the first line, then a hint, and serves until stopped', async () => {
    const run = await serve(['--port', '0']);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.output.out()).toContain(`token ${TOKENS.octocat}`);
    const response = await gitHubRequest(run.url, 'GET', '/user', { token: TOKENS.octocat });
    expect(response.body).toMatchObject({ login: 'octocat' });
    run.stop();
    expect(await run.exit).toBe(0);
    await expect(fetch(`${run.url}/user`)).rejects.toThrow();
  });

  it('loads a YAML seed and keeps state across two runs with the same --state', async () => {
    const seedFile = join(dir, 'seed.yaml');
    const stateFile = join(dir, 'state.json');
    writeFileSync(
      seedFile,
      [
        'users:',
        '  - login: Ada',
        '    token: gho_ada',
        'repos:',
        '  - owner: ada',
        '    name: engine',
        '    topics: [math]',
      ].join('\n'),
    );
    const first = await serve(['emulator', '--seed', seedFile, '--state', stateFile]);
    const put = await gitHubRequest(first.url, 'PUT', '/repos/ADA/engine/interaction-limits', {
      token: 'gho_ada',
      body: { limit: 'contributors_only' },
    });
    expect(put.status).toBe(200);
    first.stop();
    expect(await first.exit).toBe(0);

    const second = await serve(['--state', stateFile]);
    const get = await gitHubRequest(second.url, 'GET', '/repos/ada/engine/interaction-limits', {
      token: 'gho_ada',
    });
    expect(get.body).toMatchObject({ limit: 'contributors_only', origin: 'repository' });
    second.stop();
    expect(await second.exit).toBe(0);
  });

  it.each([
    [['--port', 'eighty'], /"eighty" is not a port/],
    [['--port', '70000'], /not a port/],
    [['--colour'], /unknown option '--colour'/],
    [['--seed'], /argument missing/],
    [['--profile', 'gitlab'], /"gitlab" is not a profile; expected "default" or "github"/],
    [['--latency', '-5'], /"-5" is not a latency/],
    [['--latency', 'slow'], /"slow" is not a latency/],
    [['--secondary-limits', 'yes'], /"yes" is neither "on" nor "off"/],
  ])('rejects %j with exit code 1 and a clear message', async (argv, message) => {
    const output = capture();
    expect(await runEmulatorCommand(argv, output.io)).toBe(1);
    expect(output.err()).toMatch(message);
  });

  it('reports an invalid seed file with the field path and exits 1', async () => {
    const seedFile = join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        users: [{ login: 'ok' }],
        repos: [{ owner: 'ok', name: 'x', visibility: 'secret' }],
      }),
    );
    const output = capture();
    expect(await runEmulatorCommand(['--seed', seedFile], output.io)).toBe(1);
    expect(output.err()).toContain(
      'seed.repos[0].visibility: got "secret"; expected one of "public", "private"',
    );
  });

  it('mounts on a commander program as the `emulator` command', () => {
    const program = new Command('gh-interactions');
    registerEmulatorCommand(program);
    const command = program.commands.find((c) => c.name() === 'emulator');
    expect(command?.options.map((o) => o.long)).toEqual([
      '--host',
      '--port',
      '--seed',
      '--state',
      '--allow-remote',
      '--profile',
      '--latency',
      '--secondary-limits',
    ]);
  });

  it('--profile github turns on GitHub’s secondary limits and 30 ms of latency', async () => {
    const run = await serve(['--profile', 'github']);
    expect(run.output.out()).toContain(
      'profile: github, latency 30 ms, secondary limits on (100 concurrent, 900 REST and 2000 GraphQL points, 90 s of server time per 60 s)',
    );
    const admin = new EmulatorAdminClient(run.url);
    expect(await admin.profile()).toMatchObject({
      profile: 'github',
      latencyMs: 30,
      secondaryLimits: GITHUB_SECONDARY_LIMITS,
    });
    const started = Date.now();
    expect((await gitHubRequest(run.url, 'GET', '/user', { token: TOKENS.octocat })).status).toBe(
      200,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    run.stop();
    expect(await run.exit).toBe(0);
  });

  it('--latency and --secondary-limits override the profile', async () => {
    const run = await serve(['--profile', 'github', '--latency', '0', '--secondary-limits', 'off']);
    expect(run.output.out()).toContain('profile: github, latency 0 ms, secondary limits off');
    expect(await new EmulatorAdminClient(run.url).profile()).toMatchObject({
      profile: 'github',
      latencyMs: 0,
      secondaryLimits: false,
    });
    run.stop();
    expect(await run.exit).toBe(0);

    const plain = await serve(['--secondary-limits', 'on']);
    expect(await new EmulatorAdminClient(plain.url).profile()).toMatchObject({
      profile: 'default',
      latencyMs: 0,
      secondaryLimits: GITHUB_SECONDARY_LIMITS,
    });
    plain.stop();
    expect(await plain.exit).toBe(0);
  });

  it('the default profile has neither limits nor latency', async () => {
    const run = await serve([]);
    expect(run.output.out()).toContain('profile: default, latency 0 ms, secondary limits off');
    run.stop();
    expect(await run.exit).toBe(0);
  });
});

describe('gh-interactions emulator: only loopback unless asked', () => {
  test.each(['0.0.0.0', '::', '192.168.1.10'])(
    '--host %s is refused before listening, and no token is printed',
    async (host) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runEmulatorCommand(['--host', host, '--port', '0'], {
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
      });
      expect(code).toBe(1);
      expect(err.join('')).toContain(`--host ${host} is not a loopback address`);
      expect(err.join('')).toContain('--allow-remote');
      expect(out.join('')).not.toContain('gho_emulator');
    },
  );

  test('--allow-remote listens, with a warning', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const stop = new AbortController();
    const running = runEmulatorCommand(['--host', '0.0.0.0', '--port', '0', '--allow-remote'], {
      stdout: {
        write: (t: string) => {
          out.push(t);
          if (out.length === 1) stop.abort();
        },
      },
      stderr: { write: (t: string) => err.push(t) },
      signal: stop.signal,
    });
    expect(await running).toBe(0);
    expect(err.join('')).toContain('warning: listening on 0.0.0.0 (--allow-remote)');
    expect(out[0]).toMatch(/^http:\/\//);
  });

  test.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.1', false],
  ])('isLoopbackHost(%s) is %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
