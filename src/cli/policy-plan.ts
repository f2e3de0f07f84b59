import type { GitHubClient } from '../github';
import type { Plan } from '../core';
import { planResources } from '../core';
import { expandPolicy, githubPolicyPort, loadPolicyFile } from '../policy';
import { readOptions } from './connection';
import type { CliIO } from './io';
import { writeLine } from './io';

export interface PolicyPlanOptions {
  readonly concurrency?: number;
  /** Plan the readable resources and list the others (`--skip-unreadable`). */
  readonly skipUnreadable?: boolean;
}

/**
 * Policy file → plan: load (offline checks first), expand selectors through the API, observe and
 * diff. Warnings (a selector that matched nothing) go to stderr; nothing is written.
 */
export async function planPolicy(
  io: CliIO,
  client: GitHubClient,
  policyPath: string,
  options: PolicyPlanOptions = {},
): Promise<Plan> {
  const policy = await loadPolicyFile(policyPath);
  const progress = io.stderr.isTTY ? (text: string) => writeLine(io.stderr, text) : () => {};
  progress(`Expanding ${policyPath}…`);
  const reads = readOptions(io);
  const port = githubPolicyPort(client, {
    graphql: reads.graphql,
    onGraphqlFallback: (reason) => reads.onGraphqlFallback?.('a repository listing', reason),
  });
  const { resources, warnings, observed, unanswered } = await expandPolicy(policy, port, {
    concurrency: options.concurrency,
  });
  for (const warning of warnings) writeLine(io.stderr, `warning: ${warning}`);
  progress(`Reading ${resources.length} resource${resources.length === 1 ? '' : 's'} from GitHub…`);
  return planResources(client, resources, {
    concurrency: options.concurrency,
    unreadable: options.skipUnreadable ? 'skip' : 'refuse',
    graphql: reads.graphql,
    prefetched: observed,
    unanswered,
    onObservationFallback: ({ kind, id, reason }) =>
      reads.onGraphqlFallback?.(`${kind} ${id}`, reason),
  });
}
