import type { ObservedInteractionLimit } from '../../github';
import type { ResourceKindContract } from '../kind';
import { applyInteractionLimitChange } from './apply';
import { diffInteractionLimit, interactionLimitCanonical } from './diff';
import {
  INTERACTION_LIMIT_ID_FORMS,
  interactionLimitExecutionRank,
  interactionLimitId,
  interactionLimitTargetOf,
  parseInteractionLimitId,
} from './identity';
import { observeInteractionLimit, observeInteractionLimitsBatch } from './observe';
import { refineOwnerLimits } from './refine';
import {
  INTERACTION_LIMIT_ATTRIBUTES,
  INTERACTION_LIMIT_FIELDS,
  INTERACTION_LIMIT_INPUTS_SCHEMA,
} from './schema';
import {
  interactionLimitSpec,
  interactionLimitTarget,
  resolveInteractionLimitInputs,
  validateInteractionLimitInputs,
} from './spec';
import {
  interactionLimitFromState,
  interactionLimitImportInputs,
  interactionLimitRequiresReplace,
  interactionLimitToState,
} from './state';
import type { InteractionLimitInputs, InteractionLimitTypes } from './types';
import { resolveInteractionLimitUser } from './user-scope';
import { validateInteractionLimitSpec, validateInteractionLimitTarget } from './validate';

export function describeInteractionLimit(observed: ObservedInteractionLimit | null): string {
  return observed
    ? `${observed.limit} (origin ${observed.origin}), expires at ${observed.expiresAt}`
    : 'no limit';
}

/** The InteractionLimit kind: an interaction limit on an organization, a repository or the user. */
export const interactionLimitKind: ResourceKindContract<InteractionLimitTypes> = {
  kind: 'InteractionLimit',
  title: 'interaction limit',
  fields: INTERACTION_LIMIT_FIELDS,
  attributes: INTERACTION_LIMIT_ATTRIBUTES,
  inputsSchema: INTERACTION_LIMIT_INPUTS_SCHEMA,
  idForms: INTERACTION_LIMIT_ID_FORMS,
  validateInputs: validateInteractionLimitInputs,
  resolveInputs: (inputs) => resolveInteractionLimitInputs(inputs),
  specFromInputs: (inputs) => interactionLimitSpec(inputs as unknown as InteractionLimitInputs),
  targetFromInputs: (inputs) => interactionLimitTarget(inputs),
  validateSpec: validateInteractionLimitSpec,
  validateTarget: validateInteractionLimitTarget,
  targetOf: interactionLimitTargetOf,
  id: interactionLimitId,
  parseId: parseInteractionLimitId,
  resolveDesired: resolveInteractionLimitUser,
  executionRank: interactionLimitExecutionRank,
  dependsOn: (target) =>
    target.scope.type === 'repository'
      ? [
          { kind: 'InteractionLimit', id: `org/${target.scope.owner}` },
          { kind: 'InteractionLimit', id: `user/${target.scope.owner}` },
        ]
      : [],
  observe: (client, target) => observeInteractionLimit(client, target.scope),
  observeBatch: observeInteractionLimitsBatch,
  canonicalObserved: interactionLimitCanonical,
  describeObserved: describeInteractionLimit,
  diff: diffInteractionLimit,
  apply: applyInteractionLimitChange,
  previousAfterWrite: (change, observed) =>
    change.after && observed
      ? { expiry: change.after.expiry, expiresAt: observed.expiresAt }
      : undefined,
  describeChange: (change) => ({
    before: change.before
      ? `${change.before.limit} (origin ${change.before.origin}, expires_at ${change.before.expiresAt})`
      : 'no limit in force',
    after: change.after ? `${change.after.limit} for ${change.after.expiry}` : 'no limit',
    details: [],
  }),
  refineChanges: refineOwnerLimits,
  toState: interactionLimitToState,
  fromState: interactionLimitFromState,
  importInputs: interactionLimitImportInputs,
  requiresReplace: interactionLimitRequiresReplace,
};
