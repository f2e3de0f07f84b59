import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_FORMAT_VERSION, summarize } from '../../src/core';
import type { SavedPlan } from '../../src/cli/plan-file';
import {
  SAVED_PLAN_FORMAT,
  readSavedPlan,
  refuseSavedPlan,
  writeSavedPlan,
} from '../../src/cli/plan-file';

const SAVED: SavedPlan = {
  format: SAVED_PLAN_FORMAT,
  formatVersion: PLAN_FORMAT_VERSION,
  baseUrl: 'http://127.0.0.1:1',
  policyFile: 'policy.yaml',
  plan: {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: '2030-01-01T00:00:00.000Z',
    changes: [],
    summary: summarize([]),
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ghi-plan-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSavedPlan', () => {
  test('writes a plan that readSavedPlan reads back', async () => {
    const file = join(dir, 'plan.json');
    await writeSavedPlan(file, SAVED);
    expect(readSavedPlan(file)).toEqual(SAVED);
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });

  test('keeps the permissions of the plan file it replaces', async () => {
    const file = join(dir, 'plan.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o600);
    await writeSavedPlan(file, SAVED);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('writes through a symbolic link instead of replacing it', async () => {
    const target = join(dir, 'plans', 'latest.json');
    mkdirSync(join(dir, 'plans'));
    writeFileSync(target, '{}');
    const link = join(dir, 'plan.json');
    symlinkSync(target, link);
    await writeSavedPlan(link, SAVED);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readSavedPlan(target)).toEqual(SAVED);
  });

  test('a plan that cannot be saved names the file and leaves no temporary file', async () => {
    const file = join(dir, 'plan.json');
    mkdirSync(file);
    await expect(writeSavedPlan(file, SAVED)).rejects.toThrow(
      `Cannot save the plan to "${file}": EISDIR`,
    );
    expect(readdirSync(dir)).toEqual(['plan.json']);
  });
});

describe('refuseSavedPlan', () => {
  test('lets a policy through, JSON or YAML', async () => {
    const yaml = join(dir, 'policy.yaml');
    writeFileSync(yaml, 'version: 1\n');
    const json = join(dir, 'policy.json');
    writeFileSync(json, '{ "version": 1, "format": "not a plan" }\n');
    await expect(refuseSavedPlan(yaml, 'plan')).resolves.toBeUndefined();
    await expect(refuseSavedPlan(json, 'plan')).resolves.toBeUndefined();
  });

  test('recognises a plan whose keys were sorted (jq -S), and quotes paths for the shell', async () => {
    const file = join(dir, 'my plan.json');
    const sorted = Object.fromEntries(
      Object.entries({ ...SAVED, policyFile: "infra/o'brien.yaml" }).sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
    writeFileSync(file, JSON.stringify(sorted, null, 2));
    await expect(refuseSavedPlan(file, 'validate')).rejects.toThrow(
      `${file} is a saved plan (written by \`plan --out\`), not a policy file; use apply: \`gh-interactions apply '${file}'\`, or run validate on its policy: \`gh-interactions validate 'infra/o'\\''brien.yaml'\`.`,
    );
  });
});
