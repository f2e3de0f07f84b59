import * as pulumi from '@pulumi/pulumi';
import type { InteractionLimitArgs } from './generated/args';
import { dynamicProvider } from './provider';
import { RESOURCE_MODULE } from './resource-type';

/**
 * An interaction limit kept in force on an organization, a repository or the token's own user:
 * written when missing, renewed inside its renewal window, and put back when changed in the UI.
 * A repository under an organization or user limit is reported with that scope and its expiry
 * (GitHub refuses repository limits then). Destroying it removes the limit.
 *
 * The id names the scope: `org/ORG`, `repo/OWNER/NAME` or `user/LOGIN`. A limit GitHub already
 * has is adopted, not written again (docs/pulumi.md, "Adopting what exists").
 *
 * ```ts
 * new InteractionLimit('website', { repository: 'acme/website', limit: 'contributors_only' });
 * ```
 */
export class InteractionLimit extends pulumi.dynamic.Resource {
  /** The limit, as declared. */
  declare readonly limit: pulumi.Output<string>;
  /** The expiry requested on each write, as declared or its default (`six_months`). */
  declare readonly expiry: pulumi.Output<string>;
  /** Whether the limit is renewed, as declared or its default (true). */
  declare readonly renew: pulumi.Output<boolean>;
  /** The renewal window, as declared or its default for the expiry (e.g. `30d`). */
  declare readonly renewWithin: pulumi.Output<string | number>;
  /**
   * GitHub's origin of the limit in force at the scope: organization, repository or user. A
   * repository limit whose origin is not repository is overridden by its owner. Null when no
   * limit is in force.
   */
  declare readonly origin: pulumi.Output<string | null>;
  /**
   * GitHub's expires_at of the limit in force (ISO-8601): when it lapses unless renewed. Null when
   * no limit is in force.
   */
  declare readonly expiresAt: pulumi.Output<string | null>;

  constructor(name: string, args: InteractionLimitArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider('InteractionLimit'),
      name,
      {
        expiry: undefined,
        renew: undefined,
        renewWithin: undefined,
        ...args,
        origin: undefined,
        expiresAt: undefined,
      },
      opts,
      RESOURCE_MODULE,
      'InteractionLimit',
    );
  }

  /** Reads the limit at an id (`repo/acme/api`) without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    opts?: pulumi.CustomResourceOptions,
  ): InteractionLimit {
    return new InteractionLimit(name, {} as InteractionLimitArgs, { ...opts, id });
  }
}
