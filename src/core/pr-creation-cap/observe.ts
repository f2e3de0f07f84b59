import type { GitHubClient } from '../../github';
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
    return {
      available: true,
      enabled: cap.enabled,
      maxOpenPullRequests: cap.maxOpenPullRequests,
      includeDrafts: cap.includeDrafts,
    };
  } catch (error) {
    if (error instanceof NotAvailableError) return { available: false };
    throw error;
  }
}
