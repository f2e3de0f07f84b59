import type { GitHubClient } from '../github';
import { createClient, graphqlEnabledFromEnv, settingsFromEnv } from '../github';
import type { CliIO } from './io';
import { writeLine } from './io';

import { CliUsageError } from './flags';

export { CliUsageError, parseConcurrency, parseSeconds } from './flags';

export interface ConnectionOptions {
  /** Keep ETags in this directory between runs (`--cache-dir`). */
  readonly cacheDir?: string;
  /** `--max-rate-limit-wait SECONDS`: over GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS. */
  readonly maxRateLimitWaitSeconds?: number;
  /** `--deadline SECONDS`: over GH_INTERACTIONS_DEADLINE_SECONDS. */
  readonly deadlineSeconds?: number;
}

/**
 * A client from the environment variables every front door shares (the GH_INTERACTIONS_* tuning
 * ones included, `tuningFromEnv`); flags win over them. Credentials are required: the CLI never
 * falls back to the emulator on its own, so a forgotten token cannot make an `apply` look
 * successful against a fake.
 */
export function connect(io: CliIO, options: ConnectionOptions = {}): GitHubClient {
  const settings = settingsFromEnv(io.env, {
    etagCacheDir: options.cacheDir,
    maxRateLimitWaitSeconds: options.maxRateLimitWaitSeconds,
    deadlineSeconds: options.deadlineSeconds,
  });
  if (!settings.token && !settings.app) {
    throw new CliUsageError(
      'No GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PEM_FILE). ' +
        'To try gh-interactions locally, run `gh-interactions emulator`, then set GITHUB_BASE_URL to the URL it prints and GITHUB_TOKEN=gho_emulator_octocat.',
    );
  }
  return createClient(settings);
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
