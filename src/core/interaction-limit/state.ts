import type { ObservedInteractionLimit } from '../../github';
import { replacedAttributes } from '../attributes';
import type { PreviousApplied, StateArgs } from '../kind';
import { interactionLimitId } from './identity';
import { INTERACTION_LIMIT_FIELDS } from './schema';
import { resolveInteractionLimitInputs } from './spec';
import type {
  InteractionLimitInputs,
  InteractionLimitState,
  InteractionLimitTarget,
  InteractionLimitTypes,
} from './types';

/**
 * After an apply or a refresh: the declared inputs as they were (so a Read gives them back
 * exactly), the id, and what GitHub answered. The expiry requested is the `expiry` input; the
 * `expires_at` GitHub answered is `expiresAt`. Together they are what the next diff needs
 * (`fromState(...).previous`).
 */
export function interactionLimitToState(
  args: StateArgs<InteractionLimitTypes>,
): InteractionLimitState {
  const resolved = resolveInteractionLimitInputs(
    args.inputs as unknown as Readonly<Record<string, unknown>>,
  );
  const observed: ObservedInteractionLimit | null = args.observed;
  return {
    id: interactionLimitId(args.target),
    ...resolved,
    origin: observed?.origin ?? null,
    expiresAt: observed?.expiresAt ?? null,
  };
}

export function interactionLimitFromState(state: InteractionLimitState): {
  inputs: InteractionLimitInputs;
  previous?: PreviousApplied;
} {
  const { id: _id, origin: _origin, expiresAt, ...inputs } = state;
  return {
    inputs,
    previous: { expiry: state.expiry, ...(expiresAt ? { expiresAt } : {}) },
  };
}

/**
 * Import: declare what GitHub has. GitHub never says which expiry was requested, so the default
 * is assumed (the next apply re-arms it with the declared one). A repository whose limit comes
 * from its owner has no limit of its own to import.
 */
export function interactionLimitImportInputs(
  target: InteractionLimitTarget,
  observed: ObservedInteractionLimit | null,
): InteractionLimitInputs | null {
  if (!observed) return null;
  const { scope } = target;
  if (observed.origin !== scope.type) return null;
  const scopeInputs =
    scope.type === 'organization'
      ? { organization: scope.org }
      : scope.type === 'repository'
        ? { repository: `${scope.owner}/${scope.repo}` }
        : { user: true };
  return resolveInteractionLimitInputs({ ...scopeInputs, limit: observed.limit });
}

/** The scope attributes name the GitHub object: changing one is a new resource. */
export function interactionLimitRequiresReplace(
  before: InteractionLimitInputs,
  after: InteractionLimitInputs,
): string[] {
  return replacedAttributes(INTERACTION_LIMIT_FIELDS, before, after);
}
