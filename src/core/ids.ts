import type { ValidationIssue } from './errors';
import { ResourceIdError } from './errors';
import { RESOURCE_KINDS, anyKindContract, isResourceKind, kindContract } from './registry';
import type {
  DesiredResource,
  ResourceKind,
  ResourceSpec,
  ResourceTarget,
  TargetOf,
} from './types';

export { RESOURCE_KINDS };

/**
 * Resource ids are a contract (DESIGN.md): Pulumi ids and Terraform import ids are these strings.
 * InteractionLimit `org/ORG`, `repo/OWNER/NAME`, `user/LOGIN`; PrBypassList `OWNER/NAME`;
 * PrCreationCap `org/ORG`, `repo/OWNER/NAME`.
 */
export const RESOURCE_ID_FORMS = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [kind, kindContract(kind).idForms]),
) as Readonly<Record<ResourceKind, readonly string[]>>;

/** The target a spec manages (a target gives itself): what to observe, or what to make absent. */
export function targetOf(spec: ResourceSpec | ResourceTarget): ResourceTarget {
  return anyKindContract(spec.kind).targetOf(spec as ResourceSpec);
}

/** What a declared resource is about, whether it is declared present or absent. */
export function targetOfDesired(desired: DesiredResource): ResourceTarget {
  return desired.ensure === 'present'
    ? anyKindContract(desired.spec.kind).targetOf(desired.spec)
    : desired.target;
}

/**
 * The id of a spec or target. A `user` scope without a login has no id until the token's login is
 * known: plan it (each change carries the resolved id).
 */
export function resourceId(specOrTarget: ResourceSpec | ResourceTarget): string {
  return anyKindContract(specOrTarget.kind).id(targetOf(specOrTarget));
}

/** Case-insensitive identity of a resource: GitHub names are unique regardless of letter case. */
export function resourceKey(kind: ResourceKind, id: string): string {
  return `${kind}:${id.toLowerCase()}`;
}

/**
 * Parses an id back into the target it names (Terraform import, Pulumi read). Throws
 * ResourceIdError listing the accepted forms when the id matches none of them.
 */
export function parseResourceId<K extends ResourceKind>(kind: K, id: string): TargetOf<K> {
  if (!isResourceKind(kind)) {
    throw new ResourceIdError(
      String(kind),
      id,
      RESOURCE_KINDS.map((k) => `a ${k} id`),
      `unknown kind; expected one of ${RESOURCE_KINDS.join(', ')}`,
    );
  }
  return kindContract(kind).parseId(id) as TargetOf<K>;
}

/** Labels an issue with the resource it belongs to. */
export function labelIssues(
  issues: readonly ValidationIssue[],
  resource: string,
): ValidationIssue[] {
  return issues.map((i) => ({ ...i, resource }));
}
