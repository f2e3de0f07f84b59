import { spawn } from 'node:child_process';
import { BIN, emulatorEnv } from '../support/cli';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';

/**
 * `gh-interactions drift … | head -1`: the reader closes the pipe before the command is done
 * writing. The command stops writing quietly (no EPIPE stack trace) and exits with its own code.
 */
const POLICY = 'examples/policy/acme.yaml';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

/**
 * Runs the binary with a stdout pipe whose reader has left before the first write (so the write
 * fails with EPIPE whatever the timing; `| head -1` is the same, one write later).
 */
function runWithReaderGone(args: readonly string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...emulatorEnv(emu.url) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

describe('a reader that closes the pipe early', () => {
  test.each([
    ['drift --format github', ['drift', '--format', 'github', POLICY]],
    ['plan', ['plan', POLICY]],
  ])('%s: its own exit code (2: changes found), nothing on stderr', async (_name, args) => {
    const run = await runWithReaderGone(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
  });

  test('apply --yes: finishes the apply rather than leaving it half done', async () => {
    const run = await runWithReaderGone(['apply', '--yes', POLICY]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const state = await emu.admin.state();
    expect(state.bypassLists['acme/website']).toEqual(['hubot', 'jdoe']);
    expect(state.limits.repos['octocat/hello-world']).toBeDefined();
  });
});
