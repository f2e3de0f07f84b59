// Generated from src/cdktf/pr-creation-cap.ts by src/cdktn/generate.js: do not edit.
// Edit src/cdktf/ and run `node src/cdktn/generate.js`.
import type { Construct } from 'constructs';
import type { IResolvable } from '../framework';
import type { GhInteractionsResourceProps, RepositoryReference } from './resource';
import { GhInteractionsResource } from './resource';

/**
 * The props of a PrCreationCap: the core's PrCreationCap attributes, camelCase (checked against
 * `kindContract('PrCreationCap').attributes` by test/cdktf/props.test.ts). Exactly one of
 * `organization` and `repository` is set.
 */
export interface PrCreationCapProps extends GhInteractionsResourceProps {
  /**
   * An organization login.
   * @default - not an organization's cap (exactly one of organization, repository)
   */
  readonly organization?: string;
  /**
   * A repository, `owner/name`. A `Repository` of `@cdktf/provider-github` (its `fullName`)
   * makes Terraform create the repository first.
   * @default - not a repository's cap (exactly one of organization, repository)
   */
  readonly repository?: RepositoryReference;
  /**
   * Whether the cap is on. false switches it off (GitHub keeps no maximum then).
   * @default true
   */
  readonly enabled?: boolean | IResolvable;
  /**
   * How many pull requests may be open at once by users without write access (1–1000).
   * Required when enabled.
   * @default - none; required when enabled
   */
  readonly maxOpenPullRequests?: number;
  /**
   * Whether draft pull requests count toward the cap. By default they do not (GitHub's
   * default).
   * @default false
   */
  readonly includeDrafts?: boolean | IResolvable;
}

/**
 * The cap on open pull requests per user without write access, for an organization or a
 * repository. Destroying it switches the cap off. Terraform resource
 * `ghinteractions_pr_creation_cap`.
 */
export class PrCreationCap extends GhInteractionsResource {
  public static readonly tfResourceType = 'ghinteractions_pr_creation_cap';

  constructor(scope: Construct, id: string, props: PrCreationCapProps) {
    super(scope, id, {
      typeName: PrCreationCap.tfResourceType,
      kind: 'PrCreationCap',
      props,
      inputs: {
        organization: props.organization,
        repository: props.repository,
        enabled: props.enabled,
        maxOpenPullRequests: props.maxOpenPullRequests,
        includeDrafts: props.includeDrafts,
      },
    });
  }

  /**
   * False when GitHub answers 405 for the cap: it is not offered for this organization or
   * repository.
   */
  public get available(): IResolvable {
    return this.getBooleanAttribute('available');
  }
}
