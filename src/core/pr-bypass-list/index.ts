import type { ResourceKindContract } from '../kind';
import { applyPrBypassListChange } from './apply';
import { diffPrBypassList, prBypassListCanonical } from './diff';
import {
  PR_BYPASS_LIST_ID_FORMS,
  parsePrBypassListId,
  prBypassListId,
  prBypassListTargetOf,
} from './identity';
import { observePrBypassList } from './observe';
import {
  PR_BYPASS_LIST_ATTRIBUTES,
  PR_BYPASS_LIST_FIELDS,
  PR_BYPASS_LIST_INPUTS_SCHEMA,
} from './schema';
import {
  prBypassListSpec,
  prBypassListTarget,
  resolvePrBypassListInputs,
  validatePrBypassListInputs,
} from './spec';
import {
  prBypassListFromState,
  prBypassListImportInputs,
  prBypassListRequiresReplace,
  prBypassListToState,
} from './state';
import type { ObservedBypassList, PrBypassListInputs, PrBypassListTypes } from './types';
import { validatePrBypassListSpec, validatePrBypassListTarget } from './validate';

/** Logins named when a bypass list is described; the rest are counted. */
const LOGINS_NAMED = 10;

export function describeBypassList(observed: ObservedBypassList): string {
  const count = observed.users.length;
  if (count === 0) return 'the bypass list is empty';
  const named = observed.users.slice(0, LOGINS_NAMED).join(', ');
  const more = count > LOGINS_NAMED ? ` and ${count - LOGINS_NAMED} more` : '';
  return `${count} user${count === 1 ? '' : 's'} on the bypass list: ${named}${more}`;
}

/** The PrBypassList kind: who may open pull requests whatever the creation cap says. */
export const prBypassListKind: ResourceKindContract<PrBypassListTypes> = {
  kind: 'PrBypassList',
  title: 'pull-request creation cap bypass list',
  fields: PR_BYPASS_LIST_FIELDS,
  attributes: PR_BYPASS_LIST_ATTRIBUTES,
  inputsSchema: PR_BYPASS_LIST_INPUTS_SCHEMA,
  idForms: PR_BYPASS_LIST_ID_FORMS,
  validateInputs: validatePrBypassListInputs,
  resolveInputs: resolvePrBypassListInputs,
  specFromInputs: (inputs) => prBypassListSpec(inputs as unknown as PrBypassListInputs),
  targetFromInputs: (inputs) => prBypassListTarget(inputs as unknown as PrBypassListInputs),
  validateSpec: validatePrBypassListSpec,
  validateTarget: validatePrBypassListTarget,
  targetOf: prBypassListTargetOf,
  id: prBypassListId,
  parseId: parsePrBypassListId,
  executionRank: () => 1,
  observe: (client, target) => observePrBypassList(client, target.repository),
  canonicalObserved: prBypassListCanonical,
  describeObserved: describeBypassList,
  diff: diffPrBypassList,
  apply: applyPrBypassListChange,
  previousAfterWrite: () => undefined,
  describeChange: (change) => {
    const add = change.operations.flatMap((o) => (o.type === 'add_users' ? o.users : []));
    const remove = change.operations.flatMap((o) => (o.type === 'remove_users' ? o.users : []));
    return {
      before: `[${change.before.users.join(', ')}]`,
      after: `[${change.after.users.join(', ')}]`,
      details: [
        ...(add.length ? [`add:    ${add.join(', ')}`] : []),
        ...(remove.length ? [`remove: ${remove.join(', ')}`] : []),
      ],
    };
  },
  toState: prBypassListToState,
  fromState: prBypassListFromState,
  importInputs: prBypassListImportInputs,
  requiresReplace: prBypassListRequiresReplace,
};
