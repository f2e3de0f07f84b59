import type { ChildProcessByStdio } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { PluginCertificate } from '../../../src/terraform/protocol';
import {
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  connectToPlugin,
  generatePluginCertificate,
  parseHandshakeLine,
} from '../../../src/terraform/protocol';
import { buildToyProvider } from '../support/toy-build';

/** The provider as a process, started the way Terraform starts it. */
describe('serveProvider: the provider process', () => {
  let directory: string;
  let socketParent: string;
  let entry: string;
  let terraformCertificate: PluginCertificate;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'serve-test-'));
    socketParent = join(directory, 'tmp');
    entry = buildToyProvider(directory);
    terraformCertificate = await generatePluginCertificate('P-256');
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  // A failed test must not leave a provider running.
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone, as it should be.
      }
    }
  });

  const terraformEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    TMPDIR: socketParent,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: terraformCertificate.certificatePem,
    ...extra,
  });

  type Provider = ChildProcessByStdio<null, Readable, Readable>;
  function start(env: NodeJS.ProcessEnv): { child: Provider; exited: Promise<number | null> } {
    rmSync(socketParent, { recursive: true, force: true });
    mkdirSync(socketParent, { recursive: true });
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child.pid!);
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    return { child, exited };
  }

  function firstLine(stream: Readable): Promise<string> {
    return new Promise((resolve, reject) => {
      let text = '';
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
      });
      stream.on('end', () => reject(new Error(`stream ended without a line: ${text}`)));
    });
  }

  function collect(stream: Readable): () => string {
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    return () => text;
  }

  const leftovers = () => readdirSync(socketParent).filter((n) => n.startsWith('ghinteractions-'));

  it('run by hand, says it is a Terraform plugin on stderr and exits 1, printing nothing on stdout', async () => {
    const { child, exited } = start({ PATH: process.env.PATH });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    expect(await exited).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/is a Terraform plugin[\s\S]*gh-interactions\/ghinteractions/);
  });

  it('exits 1 when Terraform does not offer protocol 6', async () => {
    const { child, exited } = start(terraformEnv({ PLUGIN_PROTOCOL_VERSIONS: '4,5' }));
    const stderr = collect(child.stderr);
    expect(await exited).toBe(1);
    expect(stderr()).toMatch(/offers only version\(s\) 4, 5/);
  });

  it('prints only the handshake line, serves, and on Shutdown exits 0 leaving no socket', async () => {
    const { child, exited } = start(terraformEnv());
    const stdout = collect(child.stdout);
    const line = await firstLine(child.stdout);
    const { address, serverCertificateDer } = parseHandshakeLine(line);
    expect(line).toMatch(/^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]+$/);
    expect(Buffer.from(serverCertificateDer!).length).toBeGreaterThan(300);
    expect(address.startsWith(socketParent)).toBe(true);
    expect(existsSync(address)).toBe(true);

    const client = connectToPlugin(line, terraformCertificate);
    const schema = await client.callProvider('GetProviderSchema');
    expect(Object.keys(schema.resource_schemas as object)).toEqual(['ghinteractions_toy']);
    await client.shutdown();
    client.close();
    expect(await exited).toBe(0);
    expect(stdout()).toBe(`${line}\n`);
    expect(existsSync(dirname(address))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('on %s, exits and removes its socket', async (signal) => {
    const { child, exited } = start(terraformEnv());
    await firstLine(child.stdout);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  it('on a first SIGINT, only stops work in flight (Terraform drives the shutdown); on a second, exits', async () => {
    const { child, exited } = start(terraformEnv());
    const line = await firstLine(child.stdout);
    const client = connectToPlugin(line, terraformCertificate);
    try {
      expect(await client.callProvider('ValidateProviderConfig', {})).toEqual({ diagnostics: [] });
      child.kill('SIGINT');
      // Still serving, and handlers now see an aborted signal.
      let response = await client.callProvider('ValidateProviderConfig', {});
      // The signal is delivered asynchronously; a later call observes it.
      for (let call = 0; call < 100 && (response.diagnostics as unknown[]).length === 0; call++) {
        response = await client.callProvider('ValidateProviderConfig', {});
      }
      expect(response.diagnostics).toMatchObject([
        { severity: 'WARNING', summary: 'Stop requested' },
      ]);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(leftovers()).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('exits when its parent dies (Terraform killed), leaving no socket', async () => {
    rmSync(socketParent, { recursive: true, force: true });
    mkdirSync(socketParent, { recursive: true });
    // sh starts the provider in the background and waits for a line on its stdin; once the
    // provider has started, the test sends it and sh exits: the provider is orphaned.
    const parent = spawn('/bin/sh', ['-c', `"$NODE" "$ENTRY" & echo "$!"; read _`], {
      env: { ...terraformEnv(), NODE: process.execPath, ENTRY: entry },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const stdout = collect(parent.stdout);
    const ended = once(parent.stdout, 'end');
    await new Promise<void>((resolve) =>
      parent.stdout.on('data', () => stdout().includes('|grpc|') && resolve()),
    );
    const [pid, line] = stdout().trim().split('\n');
    started.push(Number(pid));
    expect(Number(pid)).toBeGreaterThan(0);
    expect(line).toMatch(/^1\|6\|unix\|/);
    parent.stdin.end('\n');
    await once(parent, 'exit');
    // stdout ends when its last writer, the orphaned provider, has exited.
    await ended;
    expect(leftovers()).toEqual([]);
  });
});
