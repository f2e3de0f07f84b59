import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  generatePluginCertificate,
} from '../../src/terraform/protocol';
import { runBinary } from '../support/cli';
import { PROVIDER_ENTRY } from './support/terraform-cli';

const root = join(__dirname, '..', '..');

describe('the provider entry loads nothing heavy before its handshake line', () => {
  let directory: string;
  beforeAll(() => (directory = mkdtempSync(join(tmpdir(), 'provider-entry-'))));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('only the protocol is loaded when the line is written; the core and Octokit after it', async () => {
    // A preload that records the loaded modules at the first write to stdout (the handshake).
    const preload = join(directory, 'record.js');
    const record = join(directory, 'loaded.json');
    writeFileSync(
      preload,
      `const fs = require('fs');
const write = process.stdout.write.bind(process.stdout);
let done = false;
process.stdout.write = (chunk, ...rest) => {
  if (!done) { done = true; fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(Object.keys(require.cache))); }
  return write(chunk, ...rest);
};`,
    );
    const certificate = await generatePluginCertificate('P-256');
    const child = spawn(process.execPath, ['-r', preload, PROVIDER_ENTRY], {
      env: {
        PATH: process.env.PATH,
        TMPDIR: directory,
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: '6',
        PLUGIN_CLIENT_CERT: certificate.certificatePem,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    expect(line.toString('utf8')).toMatch(/^1\|6\|unix\|.*\|grpc\|/);
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);

    const loaded = JSON.parse(readFileSync(record, 'utf8')) as string[];
    const heavy = loaded.filter((path) =>
      /\/dist\/(core|github)\/|\/dist\/terraform\/(provider|resources|schema)\.js|node_modules\/(@octokit|zod)\//.test(
        path,
      ),
    );
    expect(heavy).toEqual([]);
    expect(loaded.some((path) => path.endsWith('/dist/terraform/protocol/serve.js'))).toBe(true);
  });
});

// The built binary: the command loads the provider's code with import() only when it runs.
describe('gh-interactions terraform install', () => {
  let directory: string;
  beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'terraform-install-'))));
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('writes the launcher into ./terraform.d/plugins by default, in Terraform’s layout', async () => {
    const run = await runBinary(['terraform', 'install'], {}, { cwd: directory });
    expect(run.code).toBe(0);
    const launcher = join(
      directory,
      'terraform.d/plugins/registry.terraform.io/gh-interactions/ghinteractions/0.1.0',
    );
    expect(run.stdout).toContain(`in ${join(directory, 'terraform.d', 'plugins')}`);
    expect(run.stdout).toContain('source = "gh-interactions/ghinteractions", version = "0.1.0"');
    const [platform] = execFileSync('ls', [launcher], { encoding: 'utf8' }).trim().split('\n');
    const script = readFileSync(
      join(launcher, platform!, 'terraform-provider-ghinteractions_v0.1.0'),
      'utf8',
    );
    expect(script).toMatch(/^#!\/bin\/sh\n[\s\S]*\nexec '[^']+' '([^']+)' "\$@"\n$/);
    expect(script).toContain(`'${PROVIDER_ENTRY}' "$@"`);
    expect(script).toContain(`exec '${process.execPath}'`);
  });

  it('takes a directory, or --user for ~/.terraform.d/plugins, not both', async () => {
    expect((await runBinary(['terraform', 'install', 'mirror'], {}, { cwd: directory })).code).toBe(
      0,
    );
    expect(existsSync(join(directory, 'mirror', 'registry.terraform.io'))).toBe(true);

    const home = join(directory, 'home');
    const user = await runBinary(
      ['terraform', 'install', '--user'],
      { HOME: home },
      { cwd: directory },
    );
    expect(user.code).toBe(0);
    expect(existsSync(join(home, '.terraform.d', 'plugins', 'registry.terraform.io'))).toBe(true);

    const both = await runBinary(
      ['terraform', 'install', 'mirror', '--user'],
      { HOME: home },
      { cwd: directory },
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('Give either a directory ("mirror") or --user, not both');
  });

  it('other commands do not load the provider', () => {
    const script = `require('./dist/cli/main.js'); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }),
    ) as string[];
    expect(loaded.filter((path) => path.includes('/dist/terraform/'))).toEqual([]);
    expect(loaded.some((path) => path.endsWith('/dist/cli/commands/terraform.js'))).toBe(true);
  });
});
