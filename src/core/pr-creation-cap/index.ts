import type { ResourceKindContract } from '../kind';
import { applyPrCreationCapChange } from './apply';
import { diffPrCreationCap, prCreationCapCanonical } from './diff';
import {
  PR_CREATION_CAP_ID_FORMS,
  parsePrCreationCapId,
  prCreationCapId,
  prCreationCapTargetOf,
} from './identity';
import { observePrCreationCap } from './observe';
import {
  PR_CREATION_CAP_ATTRIBUTES,
  PR_CREATION_CAP_FIELDS,
  PR_CREATION_CAP_INPUTS_SCHEMA,
} from './schema';
import {
  prCreationCapSpec,
  prCreationCapTarget,
  resolvePrCreationCapInputs,
  validatePrCreationCapInputs,
} from './spec';
import {
  prCreationCapFromState,
  prCreationCapImportInputs,
  prCreationCapRequiresReplace,
  prCreationCapToState,
} from './state';
import type { DesiredCapState, ObservedCap, PrCreationCapTypes } from './types';
import { validatePrCreationCapSpec, validatePrCreationCapTarget } from './validate';

export function describeCap(cap: ObservedCap | DesiredCapState): string {
  if ('available' in cap && !cap.available) return 'not available (GitHub answered 405)';
  if (!cap.enabled) return 'disabled';
  const drafts = cap.includeDrafts ? ', drafts count' : '';
  return `enabled, at most ${cap.maxOpenPullRequests} open pull requests${drafts}`;
}

/** The PrCreationCap kind: how many pull requests users without write access may have open. */
export const prCreationCapKind: ResourceKindContract<PrCreationCapTypes> = {
  kind: 'PrCreationCap',
  title: 'pull-request creation cap',
  fields: PR_CREATION_CAP_FIELDS,
  attributes: PR_CREATION_CAP_ATTRIBUTES,
  inputsSchema: PR_CREATION_CAP_INPUTS_SCHEMA,
  idForms: PR_CREATION_CAP_ID_FORMS,
  validateInputs: validatePrCreationCapInputs,
  resolveInputs: resolvePrCreationCapInputs,
  specFromInputs: (inputs) => prCreationCapSpec(inputs),
  targetFromInputs: (inputs) => prCreationCapTarget(inputs),
  validateSpec: validatePrCreationCapSpec,
  validateTarget: validatePrCreationCapTarget,
  targetOf: prCreationCapTargetOf,
  id: prCreationCapId,
  parseId: parsePrCreationCapId,
  executionRank: () => 1,
  observe: (client, target) => observePrCreationCap(client, target.scope),
  canonicalObserved: prCreationCapCanonical,
  describeObserved: (cap) =>
    cap.available
      ? cap.enabled
        ? `the creation cap allows at most ${cap.maxOpenPullRequests} open pull requests`
        : 'the creation cap is disabled'
      : 'the creation cap is not available',
  diff: diffPrCreationCap,
  apply: applyPrCreationCapChange,
  previousAfterWrite: () => undefined,
  describeChange: (change) => ({
    before: describeCap(change.before),
    after: describeCap(change.after),
    details: [],
  }),
  toState: prCreationCapToState,
  fromState: prCreationCapFromState,
  importInputs: prCreationCapImportInputs,
  requiresReplace: prCreationCapRequiresReplace,
};
