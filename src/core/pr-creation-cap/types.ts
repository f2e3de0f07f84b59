import type { ChangeCommon } from '../kind';
import type {
  ChangedReason,
  DeclaredAbsentReason,
  DisabledReason,
  NotAvailableReason,
} from '../plan';

export type CapScope =
  | { readonly type: 'organization'; readonly org: string }
  | { readonly type: 'repository'; readonly owner: string; readonly repo: string };

export interface PrCreationCapSpec {
  readonly kind: 'PrCreationCap';
  readonly scope: CapScope;
  readonly enabled: boolean;
  /** 1–1000. Required when enabled. */
  readonly maxOpenPullRequests?: number;
  /** Whether draft pull requests count toward the cap. */
  readonly includeDrafts: boolean;
}

export interface PrCreationCapTarget {
  readonly kind: 'PrCreationCap';
  readonly scope: CapScope;
}

export interface PrCreationCapInputs {
  /** An organization login. */
  readonly organization?: string;
  /** `owner/name`. */
  readonly repository?: string;
  /** @default DEFAULT_CAP_ENABLED (true) */
  readonly enabled?: boolean;
  /** 1–1000; required when enabled. Ignored when disabled: a disabled cap has no maximum. */
  readonly maxOpenPullRequests?: number;
  /** @default DEFAULT_INCLUDE_DRAFTS (false) */
  readonly includeDrafts?: boolean;
}

export interface PrCreationCapState extends PrCreationCapInputs {
  readonly id: string;
  readonly enabled: boolean;
  readonly includeDrafts: boolean;
  /** False when GitHub answered 405: the cap is not offered for this organization or repository. */
  readonly available: boolean;
}

/** A creation cap as observed: its settings, or `available: false` when GitHub answered 405. */
export type ObservedCap =
  | {
      readonly available: true;
      readonly enabled: boolean;
      readonly maxOpenPullRequests: number;
      readonly includeDrafts: boolean;
    }
  | { readonly available: false };

export interface DesiredCapState {
  readonly enabled: boolean;
  readonly maxOpenPullRequests?: number;
  readonly includeDrafts?: boolean;
}

export type CapOperation = {
  readonly type: 'update_cap';
  readonly enabled: boolean;
  readonly maxOpenPullRequests?: number;
  readonly includeDrafts?: boolean;
};

export type PrCreationCapReason =
  ChangedReason | DisabledReason | NotAvailableReason | DeclaredAbsentReason;

export interface PrCreationCapChange extends ChangeCommon<PrCreationCapTypes> {
  readonly before: ObservedCap;
  /** `{ enabled: false }` when declared absent. */
  readonly after: DesiredCapState;
  readonly operations: readonly CapOperation[];
}

export interface PrCreationCapTypes {
  readonly kind: 'PrCreationCap';
  readonly spec: PrCreationCapSpec;
  readonly target: PrCreationCapTarget;
  readonly observed: ObservedCap;
  readonly change: PrCreationCapChange;
  readonly reason: PrCreationCapReason;
  readonly inputs: PrCreationCapInputs;
  readonly state: PrCreationCapState;
}
