import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { useTestEmulator } from '../support/emulator';

/**
 * An apply killed mid-way (SIGKILL: no clean-up, no handler) leaves GitHub half-written; the next
 * run plans from what GitHub holds and finishes the job, without repeating the writes that landed.
 * Runs the real binary (dist/, built by `npm test`).
 */
const BIN = join(__dirname, '..', '..', 'bin', 'gh-interactions.js');
const POLICY = 'examples/policy/acme.yaml';
const SLOW_WRITE = '/repos/acme/website/interaction-limits';

const emu = useTestEmulator({ lifetime: 'test' });

test('a re-run after a crash in the middle of an apply converges', async () => {
  // The write to acme/website is held until the emulator clock moves, so the process can be
  // killed while it is in flight, after the writes before it have landed (writes are serial).
  const slow = await emu.admin.addFault({
    kind: 'latency',
    method: 'PUT',
    path: SLOW_WRITE,
    latencyMs: 1000,
    latencyClock: 'emulator',
    times: 1,
  });
  const held = emu.waitFor('fault', (hit) => hit.faultId === slow);
  const child = spawn(process.execPath, [BIN, 'apply', '--yes', POLICY], {
    env: { PATH: process.env.PATH, ...emulatorEnv(emu.url) },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );

  await held;
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  // GitHub finishes a request whose client died (the emulator does too, once its clock has
  // moved past the latency): let that write land, then look at what the crash left.
  const landed = emu.waitFor('request', (r) => r.method === 'PUT' && r.path === SLOW_WRITE);
  await emu.admin.advanceClock(1);
  expect((await landed).status).toBe(200);
  const half = await emu.admin.state();
  expect(half.limits.repos['acme/website']).toBeDefined();
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
