import type { GitHubClient, PrCreationCapSettings } from '../../github';
import { NotAvailableError, getOrgPrCreationCap, getRepoPrCreationCap } from '../../github';
import type { CapScope, ObservedCap } from './types';

/** The cap's settings, or `available: false` where GitHub answers 405 (cap not offered there). */
export async function observePrCreationCap(
  client: GitHubClient,
  scope: CapScope,
): Promise<ObservedCap> {
  try {
    const cap =
      scope.type === 'organization'
        ? await getOrgPrCreationCap(client, scope.org)
        : await getRepoPrCreationCap(client, scope.owner, scope.repo);
    return observedCap(cap);
  } catch (error) {
    if (error instanceof NotAvailableError) return { available: false };
    throw error;
  }
}

/** The cap as GitHub answers it (a GET, or the PATCH that set it), in the kind's observed shape. */
export function observedCap(cap: PrCreationCapSettings): ObservedCap {
  return {
    available: true,
    enabled: cap.enabled,
    maxOpenPullRequests: cap.maxOpenPullRequests,
    includeDrafts: cap.includeDrafts,
  };
}
