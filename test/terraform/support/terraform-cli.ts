import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs a real Terraform (TERRAFORM_BINARY, default /usr/local/bin/terraform) offline, in a
 * sandbox of its own: a fresh HOME, an empty CLI configuration, TMPDIR in the sandbox (where the
 * provider makes its socket directory) and a dead proxy for anything that would go online.
 */
export const TERRAFORM = process.env.TERRAFORM_BINARY ?? '/usr/local/bin/terraform';

/** The built provider entry (`npm test` builds first). */
export const PROVIDER_ENTRY = resolve(__dirname, '../../../dist/terraform/main.js');
export const CLI_BIN = resolve(__dirname, '../../../bin/gh-interactions.js');

export interface TerraformRun {
  readonly code: number;
  /** stdout then stderr. */
  readonly output: string;
}

export interface TerraformSandbox {
  readonly root: string;
  readonly home: string;
  readonly temporary: string;
  /** A fresh working directory in the sandbox. */
  directory(name: string): string;
  terraform(directory: string, args: string[], env?: NodeJS.ProcessEnv): Promise<TerraformRun>;
  /** Runs the built `gh-interactions` CLI with the sandbox's environment. */
  cli(directory: string, args: string[]): Promise<TerraformRun>;
  /** Fails if a provider process or a socket directory outlived the commands. */
  expectNothingLeftBehind(): Promise<void>;
  remove(): void;
}

export function terraformSandbox(name = 'terraform-provider-'): TerraformSandbox {
  if (!existsSync(PROVIDER_ENTRY)) {
    throw new Error(
      `${PROVIDER_ENTRY} is missing: run \`npm run build\` first (\`npm test\` does it).`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), name));
  const home = join(root, 'home');
  const temporary = join(root, 'tmp');
  mkdirSync(home);
  mkdirSync(temporary);
  writeFileSync(join(root, 'empty.tfrc'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: temporary,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_CLI_CONFIG_FILE: join(root, 'empty.tfrc'),
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
  };
  const run = (file: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv) =>
    new Promise<TerraformRun>((done) => {
      execFile(
        file,
        args,
        { cwd, env: { ...env, ...extra }, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          done({ code, output: `${stdout}${stderr}` });
        },
      );
    });
  return {
    root,
    home,
    temporary,
    directory(directoryName) {
      const directory = join(root, directoryName);
      mkdirSync(directory, { recursive: true });
      return directory;
    },
    terraform: (directory, args, extra = {}) =>
      run(TERRAFORM, [...args, '-no-color'], directory, extra),
    cli: (directory, args) => run(process.execPath, [CLI_BIN, ...args], directory, {}),
    expectNothingLeftBehind() {
      expect(readdirSync(temporary)).toEqual([]);
      return new Promise((done, fail) =>
        execFile('ps', ['-eo', 'pid,args'], (error, stdout) => {
          if (error) return fail(error);
          expect(stdout.split('\n').filter((line) => line.includes(PROVIDER_ENTRY))).toEqual([]);
          done();
        }),
      );
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
