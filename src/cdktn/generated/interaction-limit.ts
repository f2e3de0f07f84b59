// Generated from src/cdktf/interaction-limit.ts by src/cdktn/generate.js: do not edit.
// Edit src/cdktf/ and run `node src/cdktn/generate.js`.
import type { Construct } from 'constructs';
import type { IResolvable } from '../framework';
import type { GhInteractionsResourceProps, RepositoryReference } from './resource';
import { GhInteractionsResource } from './resource';

/**
 * The props of an InteractionLimit: the core's InteractionLimit attributes, camelCase (each
 * description and default is the core's; test/cdktf/props.test.ts checks them against
 * `kindContract('InteractionLimit').attributes`). Exactly one of `organization`, `repository`
 * and `user` is set.
 */
export interface InteractionLimitProps extends GhInteractionsResourceProps {
  /**
   * An organization login.
   * @default - not an organization's limit (exactly one of organization, repository, user)
   */
  readonly organization?: string;
  /**
   * A repository, `owner/name`. A `Repository` of `@cdktf/provider-github` (its `fullName`)
   * makes Terraform create the repository first.
   * @default - not a repository's limit (exactly one of organization, repository, user)
   */
  readonly repository?: RepositoryReference;
  /**
   * true: the token's own user; the limit covers all of that user's public repositories.
   * @default - not the user's limit (exactly one of organization, repository, user)
   */
  readonly user?: boolean | IResolvable;
  /**
   * Who may comment, open issues and open pull requests while the limit is in force.
   * existing_users: accounts younger than 24 hours that have not contributed before are
   * restricted; contributors_only: users who have not contributed before and are not
   * collaborators are restricted; collaborators_only: only collaborators may interact.
   * One of `existing_users`, `contributors_only`, `collaborators_only`.
   */
  readonly limit: string;
  /**
   * How long GitHub keeps the limit each time it is set. Renewal sets it again before it lapses.
   * One of `one_day`, `three_days`, `one_week`, `one_month`, `six_months`.
   * @default "six_months"
   */
  readonly expiry?: string;
  /**
   * Re-apply the limit when it has expired or expires within renewWithin. false: a one-off
   * limit that is allowed to lapse.
   * @default true
   */
  readonly renew?: boolean | IResolvable;
  /**
   * Renew the limit when it expires within this long: a duration (s, m, h, d, w; e.g. 12h, 3d,
   * 1w, 1d12h) or a number of seconds. Must be shorter than the expiry.
   * @default - depends on the expiry: 6h for one_day, 1d for three_days, 2d for one_week, 1w for one_month, 30d for six_months
   */
  readonly renewWithin?: string | number;
  /**
   * When the declaration ends: from then on nothing is written and the limit is left to lapse
   * (a one-off limit). Before then, a missing limit is set, and renewed only while it would end
   * before this moment. An ISO-8601 date-time, or a date (midnight UTC).
   * @default - no end: the limit is kept in force
   */
  readonly until?: string;
}

/**
 * An interaction limit on an organization, a repository or the token's user, kept in force by
 * the gh-interactions provider: renewed when it has expired or expires within `renewWithin`.
 * Terraform resource `ghinteractions_limit`.
 */
export class InteractionLimit extends GhInteractionsResource {
  public static readonly tfResourceType = 'ghinteractions_limit';

  constructor(scope: Construct, id: string, props: InteractionLimitProps) {
    super(scope, id, {
      typeName: InteractionLimit.tfResourceType,
      kind: 'InteractionLimit',
      props,
      inputs: {
        organization: props.organization,
        repository: props.repository,
        user: props.user,
        limit: props.limit,
        expiry: props.expiry,
        renew: props.renew,
        renewWithin: props.renewWithin,
        until: props.until,
      },
    });
  }

  /**
   * GitHub's origin of the limit in force at the scope: organization, repository or user. A
   * repository limit whose origin is not repository is overridden by its owner. Null when no
   * limit is in force.
   */
  public get origin(): string {
    return this.getStringAttribute('origin');
  }

  /**
   * GitHub's expires_at of the limit in force (ISO-8601): when it lapses unless renewed. Null
   * when no limit is in force.
   */
  public get expiresAt(): string {
    return this.getStringAttribute('expires_at');
  }
}
