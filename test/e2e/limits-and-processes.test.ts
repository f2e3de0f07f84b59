import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { spawnEmulatorProcess, startTestEmulator } from '../support/emulator';

const POLICY = 'examples/policy/acme.yaml';

test('an exhausted rate limit stops the run with the reset time instead of waiting for hours', async () => {
  const emu = await startTestEmulator();
  try {
    await emu.admin.setRateLimit({ remaining: 0 });
    const run = await runCli(
      ['plan', POLICY],
      emulatorEnv(emu.url, { GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS: '60' }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /GitHub primary rate limit exceeded .* cap of 60s .* It resets at \d{4}-\d\d-\d\dT/,
    );
  } finally {
    await emu.close();
  }
});

test('gh-interactions emulator --state: a second process sees what the first one was told', async () => {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'ghi-state-')), 'state.json');
  const first = spawnEmulatorProcess(['--port', '0', '--state', stateFile]);
  const firstUrl = await first.url;
  expect(firstUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await runCli(['apply', '--yes', POLICY], emulatorEnv(firstUrl))).code).toBe(0);
  await first.stop();

  const second = spawnEmulatorProcess(['--port', '0', '--state', stateFile]);
  try {
    const secondUrl = await second.url;
    const plan = await runCli(['plan', POLICY], emulatorEnv(secondUrl));
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  } finally {
    await second.stop();
  }
});
