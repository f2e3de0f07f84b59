import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli';

/** The installed command: dist/, built by `npm test`. */
export const BIN = join(__dirname, '..', '..', 'bin', 'gh-interactions.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `gh-interactions ARGS` in this process with captured, non-TTY streams: the same code path
 * as the binary, without a Node start-up per command.
 */
export async function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; tty?: boolean; input?: string } = {},
): Promise<CliRun> {
  const stdout = collect();
  const stderr = collect();
  const stdin = new PassThrough();
  if (options.tty) {
    // What a terminal looks like to the CLI: isTTY on every stream.
    for (const stream of [stdout.stream, stderr.stream, stdin]) {
      Object.assign(stream, { isTTY: true });
    }
  }
  stdin.end(options.input ?? '');
  const code = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    env: { PATH: process.env.PATH, ...env },
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs the real binary in its own process: for what only a process has (the stdout and environment
 * the GitHub Actions runner reads through @actions/core, a pipe closed by its reader).
 */
export function runBinary(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

function collect() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The connection a test's CLI run gets: the emulator and octocat's token. */
export function emulatorEnv(url: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { GITHUB_BASE_URL: url, GITHUB_TOKEN: 'gho_emulator_octocat', ...extra };
}
