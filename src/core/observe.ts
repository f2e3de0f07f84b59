import type { GitHubClient } from '../github';
import { observeInteractionLimit } from './interaction-limit/observe';
import type { ObservedState } from './plan';
import { observePrBypassList } from './pr-bypass-list/observe';
import { observePrCreationCap } from './pr-creation-cap/observe';
import type { ResourceTarget } from './types';

/** Reads one resource's current state from GitHub (conditional requests: 304s are free). */
export async function observeTarget(
  client: GitHubClient,
  target: ResourceTarget,
): Promise<ObservedState> {
  switch (target.kind) {
    case 'InteractionLimit':
      return { kind: target.kind, limit: await observeInteractionLimit(client, target.scope) };
    case 'PrBypassList':
      return { kind: target.kind, list: await observePrBypassList(client, target.repository) };
    case 'PrCreationCap':
      return { kind: target.kind, cap: await observePrCreationCap(client, target.scope) };
  }
}
