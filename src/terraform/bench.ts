import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupSample } from './protocol/bench-startup';
import { measureProviderStartup } from './protocol/bench-startup';
import { installProvider } from './protocol/launcher';

/**
 * What `npm run bench` measures of the Terraform provider (numbers only, nothing asserted):
 * its cold start as Terraform pays it on every command, and `terraform plan` over many of our
 * resources against the same number of Terraform's built-in `terraform_data`, which is the floor
 * any provider's plan sits on.
 */

export const DEFAULT_TERRAFORM_BINARY = '/usr/local/bin/terraform';

/** exec → handshake line (and → first answer) of the real provider entry, `runs` times. */
export function measureProviderColdStart(runs: number): Promise<StartupSample[]> {
  return measureProviderStartup({ entry: join(__dirname, 'main.js'), runs });
}

export interface TerraformWorkspace {
  readonly directory: string;
  /** Runs terraform there; resolves with the wall time, rejects on a non-zero exit. */
  run(args: readonly string[]): Promise<number>;
}

/**
 * A working directory with `main.tf` and the provider in its implicit local mirror, and an
 * environment of its own (empty CLI configuration, no checkpoint calls).
 */
export async function terraformWorkspace(options: {
  readonly directory: string;
  readonly configuration: string;
  readonly terraform?: string;
  readonly env?: NodeJS.ProcessEnv;
}): Promise<TerraformWorkspace> {
  const terraform = options.terraform ?? DEFAULT_TERRAFORM_BINARY;
  if (!existsSync(terraform)) {
    throw new Error(`No Terraform at ${terraform}; set TERRAFORM_BINARY to run this part`);
  }
  mkdirSync(options.directory, { recursive: true });
  writeFileSync(join(options.directory, 'main.tf'), options.configuration);
  writeFileSync(join(options.directory, 'empty.tfrc'), '');
  await installProvider({
    dir: join(options.directory, 'terraform.d', 'plugins'),
    version: '0.0.0-bench',
    entry: join(__dirname, 'main.js'),
  });
  const env = {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: join(options.directory, 'empty.tfrc'),
    ...options.env,
  };
  return {
    directory: options.directory,
    run: (args) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        execFile(
          terraform,
          [...args, '-no-color', '-input=false'],
          { cwd: options.directory, env, maxBuffer: 64 * 1024 * 1024 },
          (error, _stdout, stderr) => {
            if (error) reject(new Error(`terraform ${args.join(' ')} failed: ${stderr}`));
            else resolve(performance.now() - started);
          },
        );
      }),
  };
}

const REQUIRED_PROVIDER = `terraform {
  required_providers {
    ghinteractions = { source = "gh-interactions/ghinteractions", version = "0.0.0-bench" }
  }
}
`;

/** One `ghinteractions_limit` per repository. */
export function limitsConfiguration(baseUrl: string, repositories: readonly string[]): string {
  return [
    REQUIRED_PROVIDER,
    `provider "ghinteractions" {\n  base_url = ${JSON.stringify(baseUrl)}\n}\n`,
    ...repositories.map(
      (repository, i) =>
        `resource "ghinteractions_limit" "r${i}" {\n  repository = ${JSON.stringify(repository)}\n  limit      = "existing_users"\n}\n`,
    ),
  ].join('\n');
}

/** `count` of Terraform's built-in `terraform_data`: no provider to start, nothing to read. */
export function terraformDataConfiguration(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `resource "terraform_data" "r${i}" {\n  input = "value-${i}"\n}\n`,
  ).join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
