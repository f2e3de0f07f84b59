import type { GitHubClient } from '../github';
import { createClient, graphqlEnabledFromEnv, settingsFromEnv } from '../github';
import type { CliIO } from './io';
import { writeLine } from './io';

import { CliUsageError } from './flags';

export { CliUsageError, parseConcurrency } from './flags';

export interface ConnectionOptions {
  /** Keep ETags in this directory between runs (`--cache-dir`). */
  readonly cacheDir?: string;
}

/**
 * A client from the environment variables every front door shares. Credentials are required:
 * the CLI never falls back to the emulator on its own, so a forgotten token cannot make an
 * `apply` look successful against a fake.
 */
export function connect(io: CliIO, options: ConnectionOptions = {}): GitHubClient {
  const settings = settingsFromEnv(io.env, {
    etagCacheDir: options.cacheDir,
    writeIntervalMs: parseWholeNumber(
      'GH_INTERACTIONS_WRITE_INTERVAL_MS',
      io.env.GH_INTERACTIONS_WRITE_INTERVAL_MS,
      'milliseconds',
    ),
    maxRateLimitWaitSeconds: parseWholeNumber(
      'GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS',
      io.env.GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS,
      'seconds',
    ),
  });
  if (!settings.token && !settings.app) {
    throw new CliUsageError(
      'No GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PEM_FILE). ' +
        'To try gh-interactions locally, run `gh-interactions emulator`, then set GITHUB_BASE_URL to the URL it prints and GITHUB_TOKEN=gho_emulator_octocat.',
    );
  }
  return createClient(settings);
}

function parseWholeNumber(name: string, raw: string | undefined, unit: string): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new CliUsageError(
      `${name}: "${raw}" is not allowed; expected a whole number of ${unit} >= 0.`,
    );
  }
  return value;
}

/** How reads go: `GH_INTERACTIONS_GRAPHQL` (on|off, default on), and debug output of fallbacks. */
export interface ReadOptions {
  /** Batch reads through GitHub's GraphQL API (docs/core.md, "Observing in batches"). */
  readonly graphql: boolean;
  /** With `GH_INTERACTIONS_DEBUG`: why a read went through REST instead (stderr). */
  readonly onGraphqlFallback?: (what: string, reason: string) => void;
}

export function readOptions(io: CliIO): ReadOptions {
  let graphql: boolean;
  try {
    graphql = graphqlEnabledFromEnv(io.env);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  return {
    graphql,
    onGraphqlFallback: io.env.GH_INTERACTIONS_DEBUG
      ? (what, reason) => writeLine(io.stderr, `debug: ${what} read through REST: ${reason}`)
      : undefined,
  };
}
