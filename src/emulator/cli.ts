import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { EmulatorProfileName, ProfileSettings } from './rate-limits/profile';
import { PROFILE_NAMES } from './rate-limits/profile';
import { DEFAULT_HOST, DEFAULT_PORT, startEmulator } from './server';
import { DEFAULT_SEED } from './state/default-seed';
import { StateFileError } from './state/persistence';
import type { Seed } from './state/seed';
import { SeedError, loadSeedFile } from './state/seed';

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

const processIo: EmulatorCommandIo = { stdout: process.stdout, stderr: process.stderr };

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

/** The lines after the URL: who can do what, and a request to paste. */
function hint(url: string, seed: Seed, options: EmulatorCommandOptions, profile: string): string {
  const tokens = seed.users.filter((u) => u.token);
  const example = tokens[0];
  const lines = [
    'gh-interactions emulator: a local GitHub API for interaction limits, the PR creation cap and its bypass list.',
    ...tokens.map((u) => `  account ${u.login}: token ${u.token}`),
    `  repositories: ${(seed.repos ?? []).map((r) => `${r.owner}/${r.name}`).join(', ') || '(none)'}`,
    ...(example
      ? [`  try: curl -H "Authorization: Bearer ${example.token}" ${url}/user/interaction-limits`]
      : []),
    `  GHES layout: ${url}/api/v3 | admin API: ${url}/_emulator/state | docs: docs/emulator.md`,
    `  profile: ${profile}`,
    ...(options.state ? [`  state file: ${options.state}`] : []),
    '  stop with Ctrl-C',
  ];
  return `${lines.join('\n')}\n`;
}

function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolve(reason);
    };
    const onInt = stop('SIGINT');
    const onTerm = stop('SIGTERM');
    const onAbort = stop('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One line: the profile, its latency and its secondary limits. */
function describeProfile(settings: ProfileSettings): string {
  const limits = settings.secondaryLimits;
  const secondary = limits
    ? `secondary limits on (${limits.maxConcurrent} concurrent, ${limits.restPointsPerMinute} REST and ${limits.graphqlPointsPerMinute} GraphQL points, ${limits.serverMsPerMinute / 1000} s of server time per ${limits.windowMs / 1000} s)`
    : 'secondary limits off';
  return `${settings.profile}, latency ${settings.latencyMs} ms, ${secondary} (switch: POST ${'/_emulator/profile'})`;
}

/**
 * Runs the emulator until SIGINT/SIGTERM (or `io.signal`): prints the base URL as the first line
 * on stdout (scripts read it), then a short hint. Returns the exit code.
 */
export async function serveEmulator(
  options: EmulatorCommandOptions,
  io: EmulatorCommandIo = processIo,
): Promise<number> {
  let seed: Seed = DEFAULT_SEED;
  if (!isLoopbackHost(options.host)) {
    if (!options.allowRemote) {
      io.stderr.write(
        `error: --host ${options.host} is not a loopback address: the emulator's admin API (/_emulator/*) has no authentication and it prints its tokens, so anyone who can reach ${options.host} could rewrite its state. Use 127.0.0.1 (the default), or pass --allow-remote if you really mean it.\n`,
      );
      return 1;
    }
    io.stderr.write(
      `warning: listening on ${options.host} (--allow-remote): the admin API and the tokens of the seed are open to anyone who can reach this address.\n`,
    );
  }
  try {
    if (options.seed) seed = loadSeedFile(options.seed);
    const emulator = await startEmulator({
      host: options.host,
      port: options.port,
      seed,
      stateFile: options.state,
      profile: options.profile,
      latencyMs: options.latency,
      secondaryLimits: options.secondaryLimits,
    });
    io.stdout.write(`${emulator.url}\n`);
    io.stdout.write(hint(emulator.url, seed, options, describeProfile(emulator.profile)));
    await waitForStop(io.signal);
    await emulator.close();
    return 0;
  } catch (error) {
    if (error instanceof SeedError || error instanceof StateFileError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.stderr.write(
        `error: cannot listen on ${options.host}:${options.port} (${code}); choose another --port or --host.\n`,
      );
      return 1;
    }
    throw error;
  }
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
