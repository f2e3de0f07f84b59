import { fingerprint } from '../hash';
import type { DiffArgs } from '../kind';
import type { Action } from '../plan';
import { orderChange } from '../plan';
import { prCreationCapId, prCreationCapTargetOf } from './identity';
import type {
  CapOperation,
  DesiredCapState,
  ObservedCap,
  PrCreationCapChange,
  PrCreationCapReason,
  PrCreationCapTypes,
} from './types';

export type PrCreationCapDiffInput = Pick<DiffArgs<PrCreationCapTypes>, 'desired' | 'observed'>;

export function prCreationCapCanonical(observed: ObservedCap): unknown {
  return observed.available
    ? [true, observed.enabled, observed.maxOpenPullRequests, observed.includeDrafts]
    : [false];
}

/**
 * Declared absent means disabled. A disabled cap has no maximum worth comparing: disabled on both
 * sides is no change, whatever either side says about the maximum.
 */
export function diffPrCreationCap(input: PrCreationCapDiffInput): PrCreationCapChange {
  const { desired, observed } = input;
  const target =
    desired.ensure === 'present' ? prCreationCapTargetOf(desired.spec) : desired.target;
  const scope = target.scope;
  const id = prCreationCapId(target);
  const after: DesiredCapState =
    desired.ensure === 'present' && desired.spec.enabled
      ? {
          enabled: true,
          maxOpenPullRequests: desired.spec.maxOpenPullRequests,
          includeDrafts: desired.spec.includeDrafts,
        }
      : { enabled: false };

  const reasons: PrCreationCapReason[] = [];
  const notes: string[] = [];
  const operations: CapOperation[] = [];
  let action: Action = 'none';
  let remedy: string | undefined;

  if (!observed.available) {
    if (after.enabled) {
      action = 'blocked';
      reasons.push({
        type: 'not_available',
        message: `GitHub answered 405 for the pull-request creation cap of ${id}: the cap is not available there.`,
      });
      remedy = `The creation cap cannot be enabled on ${id} while GitHub does not offer it there (405 Method Not Allowed). Remove this resource, or declare it disabled, until the cap is available for ${id}.`;
    } else {
      notes.push(
        `The creation cap is not available on ${id} (GitHub answered 405); nothing to disable.`,
      );
    }
  } else if (after.enabled) {
    if (!observed.enabled) {
      reasons.push({
        type: 'disabled',
        message: `The creation cap of ${id} is disabled on GitHub; declared enabled with at most ${after.maxOpenPullRequests} open pull requests.`,
      });
    } else if (observed.maxOpenPullRequests !== after.maxOpenPullRequests) {
      reasons.push({
        type: 'changed',
        message: `The creation cap of ${id} allows ${observed.maxOpenPullRequests} open pull requests on GitHub; declared ${after.maxOpenPullRequests}.`,
        field: 'maxOpenPullRequests',
        before: observed.maxOpenPullRequests,
        after: after.maxOpenPullRequests ?? null,
      });
    }
    if (observed.enabled && observed.includeDrafts !== after.includeDrafts) {
      reasons.push({
        type: 'changed',
        message: `Draft pull requests ${observed.includeDrafts ? 'count' : 'do not count'} toward the creation cap of ${id} on GitHub; declared ${after.includeDrafts ? 'to count' : 'not to count'}.`,
        field: 'includeDrafts',
        before: observed.includeDrafts,
        after: after.includeDrafts ?? null,
      });
    }
    if (reasons.length > 0) {
      action = 'update';
      operations.push({
        type: 'update_cap',
        enabled: true,
        maxOpenPullRequests: after.maxOpenPullRequests,
        includeDrafts: after.includeDrafts,
      });
    }
  } else if (observed.enabled) {
    if (desired.ensure === 'absent') {
      action = 'delete';
      reasons.push({
        type: 'declared_absent',
        message: `The creation cap of ${id} is enabled (at most ${observed.maxOpenPullRequests} open pull requests) and is declared absent.`,
      });
    } else {
      action = 'update';
      reasons.push({
        type: 'changed',
        message: `The creation cap of ${id} is enabled on GitHub; declared disabled.`,
        field: 'enabled',
        before: true,
        after: false,
      });
    }
    // Only `enabled`: GitHub keeps the maximum, which means nothing while the cap is off.
    operations.push({ type: 'update_cap', enabled: false });
  }

  return orderChange({
    kind: 'PrCreationCap',
    id,
    target: { kind: 'PrCreationCap', scope },
    desired,
    action,
    reasons,
    notes,
    ...(remedy !== undefined ? { remedy } : {}),
    fingerprint: fingerprint('PrCreationCap', prCreationCapCanonical(observed)),
    ...(desired.source !== undefined ? { source: desired.source } : {}),
    before: observed,
    after,
    operations,
  });
}
