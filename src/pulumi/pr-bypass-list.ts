import * as pulumi from '@pulumi/pulumi';
import type { PrBypassListArgs } from './generated/args';
import { dynamicProvider } from './provider';
import { RESOURCE_MODULE } from './resource-type';

/**
 * The bypass list of a repository's pull-request creation cap, authoritative: logins added in the
 * UI are removed, removed ones added back (logins compare without regard to letter case).
 * Destroying it empties the list.
 *
 * The id is the repository, `OWNER/NAME`. A list GitHub already has is adopted as it is.
 *
 * ```ts
 * new PrBypassList('website', { repository: 'acme/website', users: ['hubot', 'jdoe'] });
 * ```
 */
export class PrBypassList extends pulumi.dynamic.Resource {
  /** The repository, `owner/name`, as declared. */
  declare readonly repository: pulumi.Output<string>;
  /** The logins, as declared (empty by default). */
  declare readonly users: pulumi.Output<string[]>;
  /** The logins on GitHub's list, as GitHub spells them, in GitHub's order. */
  declare readonly canonicalUsers: pulumi.Output<string[]>;

  constructor(name: string, args: PrBypassListArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      dynamicProvider('PrBypassList'),
      name,
      { users: undefined, ...args, canonicalUsers: undefined },
      opts,
      RESOURCE_MODULE,
      'PrBypassList',
    );
  }

  /** Reads the bypass list of a repository (`acme/api`) without managing it. */
  static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    opts?: pulumi.CustomResourceOptions,
  ): PrBypassList {
    return new PrBypassList(name, {} as PrBypassListArgs, { ...opts, id });
  }
}
