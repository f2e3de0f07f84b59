import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { DEFAULT_CACHE_DIR } from '../../src/action/inputs';
import { ACTION_BUNDLE } from './harness';

const root = join(__dirname, '..', '..');

interface ActionMetadata {
  inputs: Record<string, { required?: boolean; default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe('the Action as published', () => {
  it('commits a bundle that is current with src/ (rebuild with `npm run build:action`)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gh-interactions-bundle-')), 'index.js');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'action', 'build.mjs'), out],
      { cwd: root },
    );
    expect(stdout).toMatch(/KiB from \d+ modules/);
    const fresh = readFileSync(out, 'utf8');
    const committed = readFileSync(ACTION_BUNDLE, 'utf8');
    // Compared by length first: a diff of two megabytes of minified code helps nobody.
    expect(committed.length).toBe(fresh.length);
    expect(committed === fresh).toBe(true);
  }, 60_000);

  it('runs the bundle with the runner’s Node, and declares the inputs and outputs the code uses', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionMetadata;
    expect(action.runs).toEqual({ using: 'node24', main: 'action/lib/index.js' });
    const source = ['inputs.ts', 'run.ts']
      .map((f) => readFileSync(join(root, 'src', 'action', f), 'utf8'))
      .join('\n');
    const read = new Set(
      [...source.matchAll(/(?:getInput|booleanInput)\('([a-z-]+)'/g)].map((m) => m[1]),
    );
    for (const name of ['token', 'comment-token', 'workflow-token', 'app-private-key'])
      read.add(name);
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    const set = [...source.matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.outputs).sort()).toEqual(set.sort());
    expect(action.inputs.cache.default).toBe(DEFAULT_CACHE_DIR);
    expect(action.inputs['comment-token'].default).toBe('${{ github.token }}');
    expect(action.inputs['workflow-token'].default).toBe('${{ github.token }}');
    expect(action.inputs.command.required).toBe(true);
  });

  it('ships example workflows that use only declared inputs, and never overlap two applies', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionMetadata;
    const dir = join(root, 'examples', 'github-actions');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual([
      'apply-on-main.yml',
      'drift-and-renew.yml',
      'plan-on-pull-request.yml',
    ]);
    const commands: Record<string, string[]> = {};
    for (const file of files) {
      const workflow = parse(readFileSync(join(dir, file), 'utf8')) as {
        concurrency?: { group: string; 'cancel-in-progress': boolean };
        jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>;
      };
      commands[file] = [];
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('gh-interactions/'))) {
          for (const name of Object.keys(step.with ?? {}))
            expect(action.inputs).toHaveProperty([name]);
          expect(step.with?.token).toBe('${{ secrets.GH_INTERACTIONS_TOKEN }}');
          commands[file].push(step.with!.command);
        }
      }
      if (commands[file].includes('apply')) {
        expect(workflow.concurrency).toEqual({
          group: 'gh-interactions-apply',
          'cancel-in-progress': false,
        });
      }
    }
    expect(commands).toEqual({
      'apply-on-main.yml': ['apply'],
      'drift-and-renew.yml': ['drift', 'apply', 'drift'],
      'plan-on-pull-request.yml': ['plan'],
    });
  });
});
