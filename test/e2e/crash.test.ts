import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';

/**
 * An apply killed mid-way (SIGKILL: no clean-up, no handler) leaves GitHub half-written; the next
 * run plans from what GitHub holds and finishes the job, without repeating the writes that landed.
 * Runs the real binary (dist/, built by `npm test`).
 */
const BIN = join(__dirname, '..', '..', 'bin', 'gh-interactions.js');
const POLICY = 'examples/policy/acme.yaml';
const SLOW_WRITE = '/repos/acme/website/interaction-limits';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(async () => {
  await emu.close();
});

async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a re-run after a crash in the middle of an apply converges', async () => {
  // The write to acme/website is slow, so the process can be killed while it is in flight.
  const slow = await emu.admin.addFault({
    kind: 'latency',
    method: 'PUT',
    path: SLOW_WRITE,
    latencyMs: 1500,
    times: 1,
  });
  const child = spawn(process.execPath, [BIN, 'apply', '--yes', POLICY], {
    env: { PATH: process.env.PATH, ...emulatorEnv(emu.url) },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );

  // Kill it while the write to acme/website is in flight (the fault has held it), after the
  // writes before it have landed.
  await until(async () => {
    const fault = (await emu.admin.faults()).find((f) => f.id === slow);
    return fault && fault.hits > 0 ? true : undefined;
  }, 'the write to acme/website');
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  // GitHub finishes a request whose client died (the emulator does too, after the delay): wait
  // for that write to land, then look at what the crash left.
  const half = await until(async () => {
    const state = await emu.admin.state();
    return state.limits.repos['acme/website'] ? state : undefined;
  }, 'the in-flight write to acme/website');
  expect(half.limits.repos['acme/api']).toBeDefined();
  expect(half.limits.repos['acme/docs']).toBeDefined();
  expect(half.bypassLists['acme/website']).toBeUndefined();
  expect(half.limits.repos['octocat/hello-world']).toBeUndefined();

  await emu.admin.clearRequests();
  const rerun = await runCli(['apply', '--yes', POLICY], emulatorEnv(emu.url));
  expect(rerun.code).toBe(0);
  const { counts } = await emu.admin.requests();
  // What landed before the crash is not written again.
  expect(counts['PUT /repos/acme/api/interaction-limits']).toBeUndefined();
  expect(counts['PUT /repos/acme/docs/interaction-limits']).toBeUndefined();
  expect(counts['PUT /repos/acme/website/interaction-limits']).toBeUndefined();
  expect(counts['PATCH /orgs/acme/interaction-limits/pulls/creation-cap']).toBeUndefined();
  // What did not is.
  expect(counts['PUT /repos/acme/website/interaction-limits/pulls/bypass-list']).toBe(1);
  expect(counts['PUT /repos/octocat/hello-world/interaction-limits']).toBe(1);

  const converged = await emu.admin.state();
  expect(converged.bypassLists['acme/website']).toEqual(['hubot', 'jdoe']);
  expect(converged.limits.repos['acme/website'].limit).toBe('contributors_only');
  expect((await runCli(['plan', POLICY], emulatorEnv(emu.url))).code).toBe(0);
});
