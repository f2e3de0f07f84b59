import type { LimitScope } from '../interaction-limit/types';
import { parseScopeId, scopeId } from '../scope-ids';
import type { CapScope, PrCreationCapSpec, PrCreationCapTarget } from './types';

export const PR_CREATION_CAP_ID_FORMS = ['org/ORG', 'repo/OWNER/NAME'] as const;

export function prCreationCapId(target: PrCreationCapTarget): string {
  return scopeId(target.scope as LimitScope);
}

export function parsePrCreationCapId(id: string): PrCreationCapTarget {
  const scope = parseScopeId('PrCreationCap', id, PR_CREATION_CAP_ID_FORMS, [
    'organization',
    'repository',
  ]);
  return { kind: 'PrCreationCap', scope: scope as CapScope };
}

export function prCreationCapTargetOf(spec: PrCreationCapSpec): PrCreationCapTarget {
  return { kind: 'PrCreationCap', scope: spec.scope };
}
