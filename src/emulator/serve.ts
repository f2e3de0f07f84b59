import type { EmulatorCommandIo, EmulatorCommandOptions } from './cli';
import { isLoopbackHost, processIo } from './cli';
import type { ProfileSettings } from './rate-limits/profile';
import { startEmulator } from './server';
import { DEFAULT_SEED } from './state/default-seed';
import { StateFileError } from './state/persistence';
import type { Seed } from './state/seed';
import { SeedError, loadSeedFile } from './state/seed';

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
