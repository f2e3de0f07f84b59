import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { EmulatorProfileName } from './defaults';
import { DEFAULT_HOST, DEFAULT_PORT, PROFILE_NAMES } from './defaults';

/** Where the command writes, and (for tests and embedding) a signal that stops it. */
export interface EmulatorCommandIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Aborting stops the emulator like SIGINT does. */
  readonly signal?: AbortSignal;
}

export interface EmulatorCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly seed?: string;
  readonly state?: string;
  /** Listen on a non-loopback address anyway (the admin API has no authentication). */
  readonly allowRemote?: boolean;
  /** `default` (no secondary limits, no latency) or `github` (GitHub's limits, 30 ms). */
  readonly profile?: EmulatorProfileName;
  /** Real latency per GitHub request, in ms (overrides the profile's). */
  readonly latency?: number;
  /** Secondary limits on or off (overrides the profile's). */
  readonly secondaryLimits?: boolean;
}

/** Addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

export const processIo: EmulatorCommandIo = { stdout: process.stdout, stderr: process.stderr };

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError(
      `"${value}" is not a port; expected an integer from 0 to 65535.`,
    );
  }
  return Number(value);
}

function parseProfile(value: string): EmulatorProfileName {
  const found = PROFILE_NAMES.find((name) => name === value);
  if (!found) {
    throw new InvalidArgumentError(
      `"${value}" is not a profile; expected ${PROFILE_NAMES.map((n) => `"${n}"`).join(' or ')}.`,
    );
  }
  return found;
}

function parseLatency(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 60_000) {
    throw new InvalidArgumentError(
      `"${value}" is not a latency; expected milliseconds, an integer from 0 to 60000.`,
    );
  }
  return Number(value);
}

function parseOnOff(value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new InvalidArgumentError(`"${value}" is neither "on" nor "off".`);
}

/**
 * Adds `emulator` to a commander program (the main `gh-interactions` CLI mounts it this way).
 * The action sets `process.exitCode`.
 */
export function registerEmulatorCommand(
  program: Command,
  io: EmulatorCommandIo = processIo,
  onExit: (code: number) => void = (code) => {
    process.exitCode = code;
  },
): Command {
  return program
    .command('emulator')
    .description(
      'Run a local GitHub API emulator (interaction limits, PR creation cap, bypass list). Prints its base URL as the first line.',
    )
    .option('--host <host>', 'address to listen on (loopback unless given)', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--seed <file>', 'seed file (JSON or YAML) with users, orgs, repos and apps')
    .option('--state <file>', 'state file: loaded if present, rewritten after every change')
    .option(
      '--allow-remote',
      'allow a --host that is not loopback (the admin API has no authentication)',
    )
    .option(
      '--profile <name>',
      "default (no secondary limits, no latency) or github (GitHub's secondary limits, 30 ms latency)",
      parseProfile,
    )
    .option(
      '--latency <ms>',
      'real latency per GitHub request, in ms (overrides the profile)',
      parseLatency,
    )
    .option(
      '--secondary-limits <on|off>',
      "GitHub's secondary rate limits on or off (overrides the profile)",
      parseOnOff,
    )
    .action(async (options: EmulatorCommandOptions) => {
      // The server (Fastify, zod, yaml) loads only when the emulator runs, not for `--version`.
      const { serveEmulator } = await import('./serve.js');
      onExit(await serveEmulator(options, io));
    });
}

/**
 * `gh-interactions emulator [--host H] [--port P] [--seed FILE] [--state FILE] [--profile NAME]
 * [--latency MS] [--secondary-limits on|off]` on its own.
 * `argv` holds the arguments after the command name (a leading "emulator" is accepted too).
 * Resolves with the exit code when the emulator stops; bad flags print an error and give 1.
 */
export async function runEmulatorCommand(
  argv: readonly string[],
  io: EmulatorCommandIo = processIo,
): Promise<number> {
  let exitCode = 0;
  const program = new Command('gh-interactions').exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  registerEmulatorCommand(program, io, (code) => {
    exitCode = code;
  });
  const args = argv[0] === 'emulator' ? argv.slice(1) : argv;
  try {
    await program.parseAsync(['emulator', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 1;
    }
    throw error;
  }
  return exitCode;
}
