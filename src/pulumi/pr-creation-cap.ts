import * as pulumi from '@pulumi/pulumi';
import type { PrCreationCapArgs } from './generated/args';
import { dynamicProvider } from './provider';
import { RESOURCE_MODULE } from './resource-type';

/**
 * The pull-request creation cap of an organization or a repository: how many pull requests users
 * without write access may have open at once. Put back when changed in the UI; where GitHub does
 * not offer it (405), the update fails and says so. Destroying it switches the cap off.
 *
 * The id names the scope: `org/ORG` or `repo/OWNER/NAME`.
 *
 * ```ts
 * new PrCreationCap('acme', { organization: 'acme', enabled: true, maxOpenPullRequests: 3 });
 * ```
 */
export class PrCreationCap extends pulumi.dynamic.Resource {
  /** Whether the cap is on, as declared or its default (true). */
  declare readonly enabled: pulumi.Output<boolean>;
  /** Whether draft pull requests count toward the cap, as declared or its default (false). */
  declare readonly includeDrafts: pulumi.Output<boolean>;
  /**
   * False when GitHub answers 405 for the cap: it is not offered for this organization or
   * repository.
   */
  declare readonly available: pulumi.Output<boolean>;

  constructor(name: string, args: PrCreationCapArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider('PrCreationCap'),
      name,
      { enabled: undefined, includeDrafts: undefined, ...args, available: undefined },
      opts,
      RESOURCE_MODULE,
      'PrCreationCap',
    );
  }

  /** Reads the cap at an id (`org/acme`, `repo/acme/api`) without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    opts?: pulumi.CustomResourceOptions,
  ): PrCreationCap {
    return new PrCreationCap(name, {} as PrCreationCapArgs, { ...opts, id });
  }
}
