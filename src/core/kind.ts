import type { z } from 'zod';
import type { GitHubClient } from '../github';
import type { AttributeDescription, FieldDefinition } from './attributes';
import type { ValidationIssue } from './errors';
import type { Action } from './plan';
import type { WriteLog } from './writes';

/**
 * The types one resource kind is made of. Each kind's folder declares its own (e.g.
 * `InteractionLimitTypes`), and the registry maps the kind's name to them.
 */
export interface KindTypes {
  readonly kind: string;
  /** The declared resource, defaults applied, as the engine works with it. */
  readonly spec: { readonly kind: string };
  /** What the resource is, without desired values: enough to observe it or make it absent. */
  readonly target: { readonly kind: string };
  /** What GitHub reports for the target. */
  readonly observed: unknown;
  /** One planned change (see ChangeCommon). */
  readonly change: ChangeCommon<KindTypes>;
  /** The reasons (from the drift vocabulary in plan.ts) the kind's changes can carry. */
  readonly reason: { readonly type: string; readonly message: string };
  /** The declared inputs, as front doors take them (camelCase), defaults applied when resolved. */
  readonly inputs: object;
  /** What a stateful front door stores: the resolved inputs, the id and the computed outputs. */
  readonly state: { readonly id: string };
}

/**
 * One declared resource. `present` keeps the spec in force; `absent` makes sure there is no limit
 * (an empty bypass list, a disabled cap): what a destroy or a policy's `none` asks for.
 */
export type Desired<T extends KindTypes> =
  | {
      readonly ensure: 'present';
      readonly spec: T['spec'];
      readonly source?: string;
      /** What a stateful front door last applied (see PreviousApplied). */
      readonly previous?: PreviousApplied;
    }
  | { readonly ensure: 'absent'; readonly target: T['target']; readonly source?: string };

/**
 * What a stateful front door (Pulumi, Terraform) recorded when it last applied a resource.
 * GitHub never returns the requested `expiry`, and forgets a limit once it has expired; this lets
 * the diff tell "lapsed" from "never applied" and see an expiry change.
 */
export interface PreviousApplied {
  /** The expiry last requested. */
  readonly expiry?: string;
  /** The `expires_at` GitHub answered then (ISO-8601). */
  readonly expiresAt?: string;
}

/** The fields every change has, whatever its kind; each kind adds `after` and `operations`. */
export interface ChangeCommon<T extends KindTypes> {
  readonly kind: T['kind'];
  /** The resource id (DESIGN.md): `repo/acme/api`, `acme/api`, `user/octocat`… */
  readonly id: string;
  /** What the change is about; the `user` scope carries the token's login. */
  readonly target: T['target'];
  /** The declared resource this change was computed from (user scope: login resolved). */
  readonly desired: Desired<T>;
  readonly action: Action;
  /** Why the action; empty when the action is `none`. */
  readonly reasons: readonly T['reason'][];
  /** Informational remarks that do not call for a write (e.g. a one-off limit that lapsed). */
  readonly notes: readonly string[];
  /**
   * What the writes would do that the user may not expect (e.g. shorten a limit in force); the
   * change still goes ahead. Front doors show them as warnings.
   */
  readonly warnings: readonly string[];
  /** What to do about a `blocked` change. */
  readonly remedy?: string;
  /** Hash of `before`, to tell later whether GitHub changed since the plan (isPlanStale). */
  readonly fingerprint: string;
  /** Where the resource was declared (policy file position, Pulumi URN…), passed through. */
  readonly source?: string;
  /** What GitHub reported when the change was planned. */
  readonly before: T['observed'];
  readonly after: unknown;
  /** The writes the change makes, in order, as data. */
  readonly operations: readonly { readonly type: string }[];
}

export interface DiffArgs<T extends KindTypes> {
  /** User scope: the login must be resolved (the planner does it). */
  readonly desired: Desired<T>;
  readonly observed: T['observed'];
  /** The clock expiry is judged by (GitHub's, by default). */
  readonly now: Date;
  /** What a stateful front door last applied; overrides `desired.previous` when given. */
  readonly previous?: PreviousApplied;
}

export interface StateArgs<T extends KindTypes> {
  /** The inputs as declared (they are resolved: defaults applied). */
  readonly inputs: T['inputs'];
  /** The target the resource was applied to (user scope: with the token's login). */
  readonly target: T['target'];
  /** What GitHub reports now (after the apply, or on refresh). */
  readonly observed: T['observed'];
}

/** One target of a batch read: what was observed, or why not (it is then read on its own). */
export type BatchObservation<O> =
  | { readonly observed: true; readonly value: O }
  | { readonly observed: false; readonly reason: string };

/** A change in words, for front doors that print plans: the state now, then, and details. */
export interface ChangeDescription {
  readonly before: string;
  readonly after: string;
  readonly details: readonly string[];
}

/**
 * Everything the engine and the front doors need of one resource kind. Each kind implements it in
 * its own folder (`src/core/<kind>/index.ts`), and `registry.ts` lists the kinds. docs/core.md
 * walks through adding one.
 */
export interface ResourceKindContract<T extends KindTypes> {
  readonly kind: T['kind'];
  /** `interaction limit`: for messages. */
  readonly title: string;

  // --- Schema: the single source of the kind's attributes ------------------------------------
  /** Each attribute defined once: zod schema, description, default, allowed values. */
  readonly fields: readonly FieldDefinition[];
  /** The neutral description of the attributes (Terraform schema, CDKTF props, Pulumi args). */
  readonly attributes: readonly AttributeDescription[];
  /** zod schema of fully known inputs (documentation, JSON Schema). */
  readonly inputsSchema: z.ZodType;
  /** The forms the kind's ids take (DESIGN.md), e.g. `repo/OWNER/NAME`. */
  readonly idForms: readonly string[];

  // --- Validation and building ---------------------------------------------------------------
  /** Every problem with the inputs; unknown values (UNKNOWN) are deferred, never reported. */
  validateInputs(inputs: Readonly<Record<string, unknown>>): ValidationIssue[];
  /** The inputs with defaults applied; throws SpecValidationError (inputs must be known). */
  resolveInputs(inputs: Readonly<Record<string, unknown>>): T['inputs'];
  /** The spec the inputs declare; throws SpecValidationError. */
  specFromInputs(inputs: Readonly<Record<string, unknown>>): T['spec'];
  /** The target named by the scope attributes of the inputs; throws SpecValidationError. */
  targetFromInputs(inputs: Readonly<Record<string, unknown>>): T['target'];
  /** Problems with a spec given as data (a saved plan, a policy expansion). */
  validateSpec(spec: T['spec']): ValidationIssue[];
  validateTarget(target: T['target']): ValidationIssue[];

  // --- Identity -------------------------------------------------------------------------------
  targetOf(spec: T['spec']): T['target'];
  /** The resource id; throws for a user scope whose login is not resolved yet. */
  id(target: T['target']): string;
  /** The target an id names; throws ResourceIdError listing `idForms`. */
  parseId(id: string): T['target'];
  /**
   * Fills in what only the token can tell (the user scope's login), once the plan needs it;
   * absent for kinds that need nothing. Throws when the declaration contradicts the token.
   */
  resolveDesired?(desired: Desired<T>, tokenLogin: () => Promise<string>): Promise<Desired<T>>;
  /** Apply order: lower first (organization and user limits before the repositories they cover). */
  executionRank(target: T['target']): number;
  /**
   * Resources whose change decides what this one's can be (a repository limit depends on its
   * owner's limit, which overwrites it and makes GitHub refuse it with 409). When one of them is
   * declared in the same plan and cannot be read, this one is not planned either. Absent for
   * kinds that depend on nothing.
   */
  dependsOn?(target: T['target']): readonly { readonly kind: string; readonly id: string }[];

  // --- GitHub ---------------------------------------------------------------------------------
  observe(client: GitHubClient, target: T['target']): Promise<T['observed']>;
  /**
   * Reads many targets at once where GitHub offers a batch read (GraphQL), for plans. One entry
   * per target, in order: the observation, or why it could not be made (that target is then read
   * with `observe`). Throws `GraphqlUnavailableError` when the batch read cannot be used at all.
   * Absent for kinds GitHub only lets read one by one. `observe` stays the per-target read
   * (REST, with ETags) that stateful front doors use.
   */
  observeBatch?(
    client: GitHubClient,
    targets: readonly T['target'][],
  ): Promise<BatchObservation<T['observed']>[]>;
  /** Observed state reduced to what matters for staleness (order and case of logins do not). */
  canonicalObserved(observed: T['observed']): unknown;
  /** Observed state in words: `contributors_only (origin repository), expires at …`. */
  describeObserved(observed: T['observed']): string;
  /** Desired against observed: one change. Pure. */
  diff(args: DiffArgs<T>): T['change'];
  /** Runs the change's operations; counts each accepted write in `log`. Typed errors propagate. */
  apply(client: GitHubClient, change: T['change'], log: WriteLog): Promise<void>;
  /** What was just applied, for the read-back diff (the requested expiry, GitHub's expires_at). */
  previousAfterWrite(change: T['change'], observed: T['observed']): PreviousApplied | undefined;
  describeChange(change: T['change']): ChangeDescription;
  /**
   * Adjusts changes in view of the whole plan (all kinds' changes, in order), e.g. a repository
   * blocked by its owner's limit that the same plan removes. Returns every change.
   */
  refineChanges?(changes: readonly ChangeCommon<KindTypes>[]): ChangeCommon<KindTypes>[];

  // --- State mapping for stateful front doors -------------------------------------------------
  /** What to store after an apply or a refresh: resolved inputs, id, computed outputs. */
  toState(args: StateArgs<T>): T['state'];
  /** The declared inputs a stored state stands for, and what was last applied. */
  fromState(state: T['state']): { inputs: T['inputs']; previous?: PreviousApplied };
  /**
   * Import: the inputs that declare exactly what GitHub has at `target`, or null when there is
   * nothing there to import.
   */
  importInputs(target: T['target'], observed: T['observed']): T['inputs'] | null;
  /** Names of the inputs whose change needs a new resource (they name another GitHub object). */
  requiresReplace(before: T['inputs'], after: T['inputs']): string[];
}
