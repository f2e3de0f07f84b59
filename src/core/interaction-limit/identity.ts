import { parseScopeId, scopeId } from '../scope-ids';
import type { InteractionLimitSpec, InteractionLimitTarget } from './types';

export const INTERACTION_LIMIT_ID_FORMS = ['org/ORG', 'repo/OWNER/NAME', 'user/LOGIN'] as const;

export function interactionLimitId(target: InteractionLimitTarget): string {
  return scopeId(target.scope);
}

export function parseInteractionLimitId(id: string): InteractionLimitTarget {
  return {
    kind: 'InteractionLimit',
    scope: parseScopeId('InteractionLimit', id, INTERACTION_LIMIT_ID_FORMS, [
      'organization',
      'repository',
      'user',
    ]),
  };
}

export function interactionLimitTargetOf(spec: InteractionLimitSpec): InteractionLimitTarget {
  return { kind: 'InteractionLimit', scope: spec.scope };
}

/** Organization and user limits first: they decide what repository limits can be. */
export function interactionLimitExecutionRank(target: InteractionLimitTarget): number {
  return target.scope.type === 'repository' ? 1 : 0;
}
