import { replacedAttributes } from '../attributes';
import type { StateArgs } from '../kind';
import { prCreationCapId } from './identity';
import { PR_CREATION_CAP_FIELDS } from './schema';
import { resolvePrCreationCapInputs } from './spec';
import type {
  ObservedCap,
  PrCreationCapInputs,
  PrCreationCapState,
  PrCreationCapTarget,
  PrCreationCapTypes,
} from './types';

export function prCreationCapToState(args: StateArgs<PrCreationCapTypes>): PrCreationCapState {
  return {
    id: prCreationCapId(args.target),
    ...resolvePrCreationCapInputs(args.inputs as Readonly<Record<string, unknown>>),
    available: args.observed.available,
  };
}

export function prCreationCapFromState(state: PrCreationCapState): {
  inputs: PrCreationCapInputs;
} {
  const { id: _id, available: _available, ...inputs } = state;
  return { inputs };
}

/** Import: the cap as GitHub has it; nothing to import where the cap is not offered (405). */
export function prCreationCapImportInputs(
  target: PrCreationCapTarget,
  observed: ObservedCap,
): PrCreationCapInputs | null {
  if (!observed.available) return null;
  const { scope } = target;
  return {
    ...(scope.type === 'organization'
      ? { organization: scope.org }
      : { repository: `${scope.owner}/${scope.repo}` }),
    enabled: observed.enabled,
    ...(observed.enabled ? { maxOpenPullRequests: observed.maxOpenPullRequests } : {}),
    includeDrafts: observed.includeDrafts,
  };
}

export function prCreationCapRequiresReplace(
  before: PrCreationCapInputs,
  after: PrCreationCapInputs,
): string[] {
  return replacedAttributes(PR_CREATION_CAP_FIELDS, before, after);
}
