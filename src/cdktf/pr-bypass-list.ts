import type { Construct } from 'constructs';
import type { GhInteractionsResourceProps, RepositoryReference } from './resource';
import { GhInteractionsResource } from './resource';

/**
 * The props of a PrBypassList: the core's PrBypassList attributes, camelCase (checked against
 * `kindContract('PrBypassList').attributes` by test/cdktf/props.test.ts).
 */
export interface PrBypassListProps extends GhInteractionsResourceProps {
  /**
   * The repository whose bypass list this is, `owner/name`. A `Repository` of
   * `@cdktf/provider-github` (its `fullName`) makes Terraform create the repository first.
   */
  readonly repository: RepositoryReference;
  /**
   * Every login allowed to open pull requests whatever the creation cap says. The list is
   * authoritative: logins not in it are removed. At most 100, each once (logins are
   * case-insensitive).
   * @default []
   */
  readonly users?: string[];
}

/**
 * The logins a repository's pull-request creation cap does not apply to. Authoritative: logins
 * added on GitHub and not declared here are removed. Terraform resource
 * `ghinteractions_pr_bypass_list`.
 */
export class PrBypassList extends GhInteractionsResource {
  public static readonly tfResourceType = 'ghinteractions_pr_bypass_list';

  constructor(scope: Construct, id: string, props: PrBypassListProps) {
    super(scope, id, {
      typeName: PrBypassList.tfResourceType,
      kind: 'PrBypassList',
      props,
      inputs: {
        repository: props.repository,
        users: props.users,
      },
    });
  }

  /** The logins on GitHub's list, as GitHub spells them, in GitHub's order. */
  public get canonicalUsers(): string[] {
    return this.getListAttribute('canonical_users');
  }
}
