import type { FailureGroup } from './failures';
import { describeFailure, groupByCause } from './failures';
import { resourceKey } from './ids';
import { anyKindContract } from './registry';
import type { ResourceKind, ResourceTarget } from './types';

/**
 * A declared resource that is not in the plan because GitHub could not be read for it (a 403 on
 * one organization, a garbage answer), or because it depends on one that could not (a repository
 * limit whose owner's limit is declared in the same plan and could not be read: what that owner's
 * change would be decides whether the repository can be written at all).
 */
export interface UnreadableResource {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly source?: string;
  /** One line for people: the read's error, or the unreadable resource this one depends on. */
  readonly reason: string;
  /**
   * The read's error as data (absent when `dependsOn` is set): `message` is the whole message
   * (with the request), `cause` the same without the request, shared by every resource GitHub
   * refused the same way (what the CLI groups by).
   */
  readonly error?: {
    readonly name: string;
    readonly message: string;
    readonly cause: string;
    readonly status?: number;
  };
  /** `KIND ID` of the unreadable resource this one depends on. */
  readonly dependsOn?: string;
}

/** What `planResources` does when some resources cannot be read. */
export type UnreadablePolicy = 'refuse' | 'skip';
export const DEFAULT_UNREADABLE_POLICY: UnreadablePolicy = 'refuse';

/** One failed read, as the planner collects them. */
export interface ReadFailure {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly error: Error;
}

/**
 * The readable resources that depend on an unreadable one (transitively), by index, with the
 * resource they depend on. Kinds say what they depend on (`dependsOn`).
 */
export function dependentsOfUnreadable(
  targets: readonly ResourceTarget[],
  ids: readonly string[],
  unreadable: ReadonlySet<number>,
): Map<number, string> {
  const byKey = new Map<string, number>();
  targets.forEach((target, index) => byKey.set(resourceKey(target.kind, ids[index]), index));
  const dependents = new Map<number, string>();
  const blocked = new Set(unreadable);
  for (let changed = true; changed;) {
    changed = false;
    targets.forEach((target, index) => {
      if (blocked.has(index)) return;
      const contract = anyKindContract(target.kind);
      for (const ref of contract.dependsOn?.(target as never) ?? []) {
        const other = byKey.get(resourceKey(ref.kind as ResourceKind, ref.id));
        if (other === undefined || !blocked.has(other)) continue;
        dependents.set(index, `${targets[other].kind} ${ids[other]}`);
        blocked.add(index);
        changed = true;
        return;
      }
    });
  }
  return dependents;
}

export function errorData(error: Error): NonNullable<UnreadableResource['error']> {
  const { message, cause, status } = describeFailure(error);
  return { name: error.name, message, cause, ...(status !== undefined ? { status } : {}) };
}

/** The unreadable resources of a plan, grouped by cause (`formatFailureGroups` prints them). */
export function groupUnreadable(unreadable: readonly UnreadableResource[]): FailureGroup[] {
  return groupByCause(
    unreadable.map((u) => ({
      resource: `${u.kind} ${u.id}`,
      key: u.error
        ? `${u.error.name}|${u.error.status ?? ''}|${u.error.cause}`
        : `depends|${u.dependsOn ?? ''}`,
      cause: u.error ? u.error.cause : u.reason,
      message: u.reason,
      ...(u.error?.status !== undefined ? { status: u.error.status } : {}),
    })),
  );
}
