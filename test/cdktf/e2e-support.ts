import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Running a synthesized stack for real, offline: Terraform (TERRAFORM_BINARY, default
 * /usr/local/bin/terraform) against the test emulator, with the launcher the synth placed in the
 * stack's `terraform.d/plugins`. Any registry or checkpoint request would go to a dead proxy.
 */
export const TERRAFORM = process.env.TERRAFORM_BINARY ?? '/usr/local/bin/terraform';
export const ROOT = join(__dirname, '..', '..');
/** The emulator's token for octocat (owner of acme). */
export const TOKEN = 'gho_emulator_octocat';

// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;]*[A-Za-z]/g;

export interface Run {
  readonly code: number;
  readonly output: string;
}

export interface Workspace {
  readonly directory: string;
  /** The environment of every command (tests may add to it). */
  readonly env: NodeJS.ProcessEnv;
  /** Every command's output so far, to check that no credential was printed. */
  readonly outputs: string[];
  run(command: string, args: readonly string[], cwd?: string, timeoutMs?: number): Promise<Run>;
  terraform(cwd: string, args: readonly string[]): Promise<Run>;
}

export function workspace(prefix: string, emulatorUrl: string): Workspace {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(directory, 'home'));
  writeFileSync(join(directory, 'empty.tfrc'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(directory, 'home'),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: join(directory, 'empty.tfrc'),
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
    CI: '1',
    GITHUB_TOKEN: TOKEN,
    GITHUB_BASE_URL: emulatorUrl,
  };
  const outputs: string[] = [];
  const run = (command: string, args: readonly string[], cwd = directory, timeoutMs = 120_000) =>
    new Promise<Run>((resolve) => {
      execFile(
        command,
        [...args],
        { cwd, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          // cdktf prints Terraform's colours whatever the terminal: compare plain text.
          const output = `${stdout}${stderr}`.replace(ANSI_ESCAPE, '');
          outputs.push(output);
          resolve({ code, output });
        },
      );
    });
  return {
    directory,
    env,
    outputs,
    run,
    terraform: (cwd, args) => run(TERRAFORM, [...args, '-no-color', '-input=false'], cwd),
  };
}

/**
 * A program with only this package's constructs, in plain JavaScript (requiring the built
 * package and the framework from this repository, as an app depending on both would):
 * a repository limit, a bypass list and a cap, and the limit's expiry as an output.
 */
export function writeApp(directory: string, framework: 'cdktf' | 'cdktn'): void {
  const frameworkPath = join(ROOT, 'node_modules', framework);
  const constructsPath = join(ROOT, 'dist', framework);
  writeFileSync(
    join(directory, 'main.js'),
    [
      `const { App, TerraformOutput, TerraformStack } = require(${JSON.stringify(frameworkPath)});`,
      `const { InteractionLimit, PrBypassList, PrCreationCap } = require(${JSON.stringify(constructsPath)});`,
      'const app = new App();',
      "const stack = new TerraformStack(app, 'limits');",
      "const limit = new InteractionLimit(stack, 'website', { repository: 'acme/website', limit: 'contributors_only' });",
      "new PrBypassList(stack, 'api_bypass', { repository: 'acme/api', users: ['hubot'] });",
      "new PrCreationCap(stack, 'api_cap', { repository: 'acme/api', maxOpenPullRequests: 5 });",
      "new TerraformOutput(stack, 'website_limit_expires_at', { value: limit.expiresAt });",
      'app.synth();',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(directory, 'cdktf.json'),
    `${JSON.stringify({ language: 'javascript', app: 'node main.js', output: 'cdktf.out', terraformProviders: [], terraformModules: [] }, null, 2)}\n`,
  );
}

/** A GitHub API read with the emulator's token, as a person checking the result would. */
export async function github(emulatorUrl: string, path: string): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/vnd.github+json' },
  });
  return response.status === 204 ? null : ((await response.json()) as unknown);
}

/** Every file under `directory` (recursively), except Terraform's provider cache. */
export function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'providers' && name !== 'node_modules') walk(path);
      } else {
        found.push(path);
      }
    }
  };
  walk(directory);
  return found;
}

/** The files under `directory` whose content holds `secret`. */
export function filesContaining(directory: string, secret: string): string[] {
  return filesUnder(directory).filter((path) => readFileSync(path).includes(secret));
}
