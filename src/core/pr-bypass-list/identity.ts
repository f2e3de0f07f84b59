import { ResourceIdError } from '../errors';
import { parseRepositoryId } from '../scope-ids';
import type { PrBypassListSpec, PrBypassListTarget } from './types';

export const PR_BYPASS_LIST_ID_FORMS = ['OWNER/NAME'] as const;

export function prBypassListId(target: PrBypassListTarget): string {
  return `${target.repository.owner}/${target.repository.repo}`;
}

export function parsePrBypassListId(id: string): PrBypassListTarget {
  const fail = (why?: string): never => {
    throw new ResourceIdError('PrBypassList', id, PR_BYPASS_LIST_ID_FORMS, why);
  };
  return { kind: 'PrBypassList', repository: parseRepositoryId(id, fail) };
}

export function prBypassListTargetOf(spec: PrBypassListSpec): PrBypassListTarget {
  return { kind: 'PrBypassList', repository: spec.repository };
}
