import type { RepositoryRef } from '../../github';
import type { ChangeCommon } from '../kind';
import type {
  AddedOutOfBandReason,
  DeclaredAbsentReason,
  MissingReason,
  RemovedOutOfBandReason,
} from '../plan';

/** The authoritative set of logins on a repository's bypass list (at most 100). */
export interface PrBypassListSpec {
  readonly kind: 'PrBypassList';
  readonly repository: RepositoryRef;
  readonly users: readonly string[];
}

export interface PrBypassListTarget {
  readonly kind: 'PrBypassList';
  readonly repository: RepositoryRef;
}

export interface PrBypassListInputs {
  /** `owner/name`. */
  readonly repository: string;
  /** @default DEFAULT_BYPASS_USERS (empty) */
  readonly users?: readonly string[];
}

export interface PrBypassListState extends PrBypassListInputs {
  readonly id: string;
  readonly users: readonly string[];
  /** The logins on GitHub's list, as GitHub spells them (its canonical spelling). */
  readonly canonicalUsers: readonly string[];
}

export interface ObservedBypassList {
  /** Logins as GitHub spells them, in GitHub's order. */
  readonly users: readonly string[];
}

export interface DesiredBypassListState {
  readonly users: readonly string[];
}

/** At most BYPASS_LIST_MAX_USERS_PER_REQUEST logins each; removals first (the list holds ≤100). */
export type BypassListOperation =
  | { readonly type: 'remove_users'; readonly users: readonly string[] }
  | { readonly type: 'add_users'; readonly users: readonly string[] };

export type PrBypassListReason =
  MissingReason | AddedOutOfBandReason | RemovedOutOfBandReason | DeclaredAbsentReason;

export interface PrBypassListChange extends ChangeCommon<PrBypassListTypes> {
  readonly before: ObservedBypassList;
  /** The declared users (empty when declared absent), in the declared spelling. */
  readonly after: DesiredBypassListState;
  readonly operations: readonly BypassListOperation[];
}

export interface PrBypassListTypes {
  readonly kind: 'PrBypassList';
  readonly spec: PrBypassListSpec;
  readonly target: PrBypassListTarget;
  readonly observed: ObservedBypassList;
  readonly change: PrBypassListChange;
  readonly reason: PrBypassListReason;
  readonly inputs: PrBypassListInputs;
  readonly state: PrBypassListState;
}
