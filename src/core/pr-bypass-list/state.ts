import { replacedAttributes } from '../attributes';
import type { StateArgs } from '../kind';
import { prBypassListId } from './identity';
import { PR_BYPASS_LIST_FIELDS } from './schema';
import { resolvePrBypassListInputs } from './spec';
import type {
  ObservedBypassList,
  PrBypassListInputs,
  PrBypassListState,
  PrBypassListTarget,
  PrBypassListTypes,
} from './types';

export function prBypassListToState(args: StateArgs<PrBypassListTypes>): PrBypassListState {
  return {
    id: prBypassListId(args.target),
    ...resolvePrBypassListInputs(args.inputs as unknown as Readonly<Record<string, unknown>>),
    canonicalUsers: [...args.observed.users],
  };
}

export function prBypassListFromState(state: PrBypassListState): { inputs: PrBypassListInputs } {
  return { inputs: { repository: state.repository, users: [...state.users] } };
}

/** Import: the list as GitHub has it (every bypass list exists; it may be empty). */
export function prBypassListImportInputs(
  target: PrBypassListTarget,
  observed: ObservedBypassList,
): PrBypassListInputs {
  return { repository: prBypassListId(target), users: [...observed.users] };
}

export function prBypassListRequiresReplace(
  before: PrBypassListInputs,
  after: PrBypassListInputs,
): string[] {
  return replacedAttributes(PR_BYPASS_LIST_FIELDS, before, after);
}
