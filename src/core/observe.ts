import type { GitHubClient } from '../github';
import type { ObservedState } from './plan';
import { anyKindContract } from './registry';
import type { ResourceTarget } from './types';

/** Reads one resource's current state from GitHub (conditional requests: 304s are free). */
export async function observeTarget(
  client: GitHubClient,
  target: ResourceTarget,
): Promise<ObservedState> {
  const observed = await anyKindContract(target.kind).observe(client, target);
  return { kind: target.kind, observed } as ObservedState;
}
