import { emulatorEnv, runCli } from '../support/cli';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';

const POLICY = 'examples/policy/spam-wave.yaml';
const DAY = 24 * 3600;

let emu: TestEmulator;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  emu = await startTestEmulator();
  env = emulatorEnv(emu.url);
});
afterEach(async () => {
  await emu.close();
});

describe('a one-off limit (renew: false, until) is set once and left to lapse', () => {
  test('spam-wave.yaml: set before until; after it lapses past until, the daily drift → apply job writes nothing', async () => {
    // Three days before the example's until (2026-12-01T00:00:00Z).
    await emu.admin.setClock('2026-11-28T00:00:00Z');
    expect((await runCli(['apply', '--yes', POLICY], env)).code).toBe(0);
    const state = await emu.admin.state();
    expect(state.limits.repos['acme/api']).toMatchObject({ limit: 'collaborators_only' });

    await emu.admin.advanceClock(3 * DAY + 60); // lapsed, and until has passed
    await emu.admin.clearRequests();
    const drift = await runCli(['drift', POLICY], env);
    expect(drift.code).toBe(0);
    const apply = await runCli(['apply', '--yes', POLICY], env);
    expect(apply.code).toBe(0);
    const { requests } = await emu.admin.requests();
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
    const plan = await runCli(['plan', POLICY], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });
});
