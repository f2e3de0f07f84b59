import type { ResourceKind } from '../core';
import { kindContract } from '../core';

/**
 * The Terraform names of the core's kinds (DESIGN.md: provider source
 * `gh-interactions/ghinteractions`, resources `ghinteractions_limit`,
 * `ghinteractions_pr_bypass_list`, `ghinteractions_pr_creation_cap`). They are part of every
 * configuration and state file: renaming one breaks them.
 */
export const PROVIDER_SOURCE = 'gh-interactions/ghinteractions';
export const PROVIDER_NAME = 'ghinteractions';

export const RESOURCE_TYPES = {
  ghinteractions_limit: 'InteractionLimit',
  ghinteractions_pr_bypass_list: 'PrBypassList',
  ghinteractions_pr_creation_cap: 'PrCreationCap',
} as const satisfies Readonly<Record<string, ResourceKind>>;

/** Data sources: what GitHub has in force, read-only. */
export const DATA_SOURCE_TYPES = {
  ghinteractions_limit: 'InteractionLimit',
} as const satisfies Readonly<Record<string, ResourceKind>>;

export type ResourceTypeName = keyof typeof RESOURCE_TYPES;
export type DataSourceTypeName = keyof typeof DATA_SOURCE_TYPES;

export function isResourceTypeName(name: string): name is ResourceTypeName {
  return Object.prototype.hasOwnProperty.call(RESOURCE_TYPES, name);
}

export function isDataSourceTypeName(name: string): name is DataSourceTypeName {
  return Object.prototype.hasOwnProperty.call(DATA_SOURCE_TYPES, name);
}

/** `Interaction limit`: the core's title of a kind, for the start of a diagnostic. */
export function kindTitle(kind: ResourceKind): string {
  const title = kindContract(kind).title;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
