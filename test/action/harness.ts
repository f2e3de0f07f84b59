import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The committed bundle, as action.yml runs it. */
export const ACTION_BUNDLE = join(__dirname, '..', '..', 'action', 'lib', 'index.js');

/** A runner's view of one job: a workspace, its temp dir, and the files the runner reads back. */
export interface FakeRunner {
  readonly workspace: string;
  readonly temp: string;
  readonly outputFile: string;
  readonly summaryFile: string;
  readonly eventFile: string;
  writePolicy(name: string, text: string): void;
  writeEvent(event: unknown): void;
}

export function fakeRunner(): FakeRunner {
  const root = mkdtempSync(join(tmpdir(), 'gh-interactions-action-'));
  const workspace = join(root, 'workspace');
  const temp = join(root, 'runner-temp');
  mkdirSync(workspace);
  mkdirSync(temp);
  const runner = {
    workspace,
    temp,
    outputFile: join(temp, 'output'),
    summaryFile: join(temp, 'summary.md'),
    eventFile: join(temp, 'event.json'),
    writePolicy: (name: string, text: string) => writeFileSync(join(workspace, name), text),
    writeEvent: (event: unknown) => writeFileSync(runner.eventFile, JSON.stringify(event)),
  };
  return runner;
}

/** A pull_request event of `owner/repo` (head in the same repository unless `headRepo` says). */
export function pullRequestEvent(fullName: string, number: number, headRepo = fullName) {
  const [owner, name] = fullName.split('/');
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: 'policy-change', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: { full_name: fullName } },
    },
    repository: { name, full_name: fullName, owner: { login: owner } },
  };
}

export interface ActionRun {
  /** The process's exit code: 1 when the step failed. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What the step set with GITHUB_OUTPUT. */
  readonly outputs: Record<string, string>;
  /** The job summary written in this run. */
  readonly summary: string;
}

/**
 * Runs the bundle as the runner does: `node action/lib/index.js` in the workspace, inputs as
 * INPUT_<NAME> variables (upper case, hyphens kept), GITHUB_EVENT_NAME/PATH, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files that exist and start empty. Resolves when the process exits.
 */
export async function runActionBundle(
  runner: FakeRunner,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  writeFileSync(runner.outputFile, '');
  writeFileSync(runner.summaryFile, '');
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  const processEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: runner.workspace,
    RUNNER_TEMP: runner.temp,
    GITHUB_OUTPUT: runner.outputFile,
    GITHUB_STEP_SUMMARY: runner.summaryFile,
    GITHUB_EVENT_PATH: runner.eventFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_NUMBER: '7',
    ...inputEnv,
    ...env,
  };
  const finished = (code: number, stdout: string, stderr: string): ActionRun => ({
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(runner.outputFile, 'utf8')),
    summary: readFileSync(runner.summaryFile, 'utf8'),
  });
  try {
    const { stdout, stderr } = await run(process.execPath, [ACTION_BUNDLE], {
      cwd: runner.workspace,
      env: processEnv,
    });
    return finished(0, stdout, stderr);
  } catch (error) {
    // execFile rejects when the process exits non-zero: a failed step.
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return finished(failed.code, failed.stdout ?? '', failed.stderr ?? '');
  }
}

/**
 * GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER`, the value's lines, `DELIMITER`
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#multiline-strings).
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i].match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      outputs[heredoc[1]] = value.join('\n');
    } else {
      const simple = lines[i].match(/^([^=]+)=(.*)$/);
      if (simple) outputs[simple[1]] = simple[2];
    }
  }
  return outputs;
}
