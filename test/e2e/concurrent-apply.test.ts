import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import { useTestEmulator } from '../support/emulator';

/**
 * Issue 12.8 through the command: someone changes a bypass list while an apply is under way. The
 * apply's first write is held by the emulator (a latency fault on the emulator's clock) until the
 * test has made the other change, so the order is exact and nothing sleeps.
 */
const emu = useTestEmulator();

function policyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gh-interactions-concurrent-'));
  const file = join(dir, 'policy.yaml');
  writeFileSync(
    file,
    'version: 1\nrepositories:\n  - repository: acme/api\n    pr_bypass_list: [jdoe]\n  - repository: acme/website\n    pr_bypass_list: [Spacewalker]\n',
  );
  return file;
}

test('apply reports a conflicting change made during it, does not undo it, and exits 1', async () => {
  const faultId = await emu.admin.addFault({
    kind: 'latency',
    method: 'PUT',
    path: '/repos/acme/api/interaction-limits/pulls/bypass-list',
    latencyMs: 1000,
    latencyClock: 'emulator',
    times: 1,
  });
  const held = emu.waitFor('fault', (hit) => hit.faultId === faultId);
  const applying = runCli(['apply', '--yes', policyFile()], emulatorEnv(emu.url));
  await held;
  await emu.admin.addBypassUsers('acme/website', ['hubot']);
  await emu.admin.advanceClock(1);

  const run = await applying;
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('[1/2] PrBypassList acme/api: applied.');
  expect(run.stdout).toContain(
    '[2/2] PrBypassList acme/website: CONFLICT, not written. acme/website was not written: it changed on GitHub since the plan, to neither what the plan saw nor what is declared. The plan saw the bypass list is empty; GitHub now has 1 user on the bypass list: hubot.',
  );
  expect(run.stdout).toContain(
    'Apply finished with errors: 1 applied, 0 failed, 1 conflicting, 0 blocked, 0 unchanged.',
  );
  expect(run.stdout).toContain(
    'Changed on GitHub by someone else during the apply, not written (1); plan again:',
  );
  expect((await emu.admin.state()).bypassLists['acme/website']).toEqual(['hubot']);

  // The same apply again: what is declared is planned against what is there now.
  const again = await runCli(['plan', policyFile()], emulatorEnv(emu.url));
  expect(again.code).toBe(2);
  expect(again.stdout).toContain('On the bypass list of acme/website but not declared: hubot.');
});
