import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, runCli } from '../support/cli';
import type { TestEmulator } from '../support/emulator';
import { startTestEmulator } from '../support/emulator';

const POLICY = 'examples/policy/acme.yaml';

let emu: TestEmulator;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  emu = await startTestEmulator();
  env = emulatorEnv(emu.url);
});
afterEach(async () => {
  await emu.close();
});

type SavedPlanJson = {
  plan: {
    changes: Array<{ id: string; target: { scope?: { repo?: string } }; operations: unknown[] }>;
  };
};

async function savedPlan(): Promise<{ file: string; saved: SavedPlanJson }> {
  const file = join(mkdtempSync(join(tmpdir(), 'ghi-plan-')), 'plan.json');
  expect((await runCli(['plan', '--out', file, POLICY], env)).code).toBe(2);
  return { file, saved: JSON.parse(readFileSync(file, 'utf8')) as SavedPlanJson };
}

describe('a saved plan applies exactly what it reports; an edited one is refused', () => {
  test('editing a target (report repo/acme/api, write acme/docs) is refused before any write', async () => {
    const { file, saved } = await savedPlan();
    const index = saved.plan.changes.findIndex((c) => c.id === 'repo/acme/api');
    saved.plan.changes[index].target.scope!.repo = 'docs';
    writeFileSync(file, JSON.stringify(saved, null, 2));
    await emu.admin.clearRequests();

    const apply = await runCli(['apply', '--yes', file], env);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(
      'is not a plan as `plan --out` wrote it: it was edited or damaged',
    );
    expect(apply.stderr).toMatch(
      /changes\[\d+\] \(InteractionLimit repo\/acme\/api\): target is .*"repo":"docs"/,
    );
    const { requests } = await emu.admin.requests();
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('editing the writes, or breaking the shape, is refused too; the untouched plan applies', async () => {
    const { file, saved } = await savedPlan();
    const pristine = JSON.stringify(saved);
    saved.plan.changes[0].operations = [];
    writeFileSync(file, JSON.stringify(saved));
    expect((await runCli(['apply', '--yes', file], env)).stderr).toMatch(
      /operations is \[\], but its declared resource/,
    );

    writeFileSync(
      file,
      JSON.stringify({ ...JSON.parse(pristine), plan: { changes: 'all of them' } }),
    );
    const broken = await runCli(['apply', '--yes', file], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('formatVersion');

    writeFileSync(file, pristine);
    expect((await runCli(['apply', '--yes', file], env)).code).toBe(0);
  });
});
