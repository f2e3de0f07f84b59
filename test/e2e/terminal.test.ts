import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runBinary, runCli } from '../support/cli';
import { useTestEmulator, isWrite } from '../support/emulator';

const POLICY = 'examples/policy/acme.yaml';
// An SGR escape sequence (colour, bold): ESC [ … m.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);
const ANSI_ALL = new RegExp(ANSI.source, 'g');

const emu = useTestEmulator({ lifetime: 'test' });

const writeCount = async () => (await emu.admin.requests()).requests.filter(isWrite).length;

describe('on a terminal', () => {
  test('plan uses colour; piped output and NO_COLOR are plain', async () => {
    const env = emulatorEnv(emu.url);
    const tty = await runCli(['plan', POLICY], env, { tty: true });
    expect(tty.stdout).toMatch(ANSI);
    expect(tty.stdout.replace(ANSI_ALL, '')).toContain(
      '+ InteractionLimit repo/acme/website will be created',
    );
    expect((await runCli(['plan', POLICY], env)).stdout).not.toMatch(ANSI);
    expect(
      (await runCli(['plan', POLICY], { ...env, NO_COLOR: '1' }, { tty: true })).stdout,
    ).not.toMatch(ANSI);
    expect((await runCli(['plan', '--no-color', POLICY], env, { tty: true })).stdout).not.toMatch(
      ANSI,
    );
  });

  test('apply asks first: anything but "yes" cancels and writes nothing', async () => {
    const env = emulatorEnv(emu.url);
    const no = await runCli(['apply', POLICY], env, { tty: true, input: 'y\n' });
    expect(no.stdout).toContain('Apply these changes? Only "yes" will be accepted');
    expect(no.stdout).toContain('Apply cancelled; nothing was written.');
    expect(no.code).toBe(1);
    expect(await writeCount()).toBe(0);

    const yes = await runCli(['apply', POLICY], env, { tty: true, input: 'yes\n' });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('Apply complete');
    expect((await emu.admin.state()).limits.repos['acme/website']).toBeDefined();
  });
});

test('no credential in any output, saved plan or ETag cache of a whole run', async () => {
  const token = 'gho_emulator_octocat';
  const dir = mkdtempSync(join(tmpdir(), 'ghi-secrets-'));
  const cache = join(dir, 'cache');
  const env = emulatorEnv(emu.url, { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') });
  writeFileSync(join(dir, 'summary.md'), ''); // as the Actions runner does
  const runs = [
    await runCli(['plan', '--out', join(dir, 'plan.json'), '--cache-dir', cache, POLICY], env),
    await runCli(['apply', '--yes', '--json', '--cache-dir', cache, join(dir, 'plan.json')], env),
    // The binary: annotations and the summary go to the process, where the runner reads them.
    await runBinary(['drift', '--format', 'github', '--cache-dir', cache, POLICY], env),
    await runCli(['plan', '--json', '--cache-dir', cache, POLICY], env),
  ];
  expect(runs.map((r) => r.code)).toEqual([2, 0, 0, 0]);
  const files = [
    join(dir, 'plan.json'),
    join(dir, 'summary.md'),
    ...readdirSync(cache).map((f) => join(cache, f)),
  ];
  expect(files.length).toBeGreaterThan(3);
  for (const text of [
    ...runs.flatMap((r) => [r.stdout, r.stderr]),
    ...files.map((f) => readFileSync(f, 'utf8')),
  ]) {
    expect(text).not.toContain(token);
  }
  // The ETag cache did its job: the last plan's reads were answered 304.
  expect((await emu.admin.requests()).requests.some((r) => r.status === 304)).toBe(true);
});
