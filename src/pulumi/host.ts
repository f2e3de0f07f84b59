import type * as pulumi from '@pulumi/pulumi';
import type { ResourceKind } from '../core';

type Props = Record<string, unknown>;

/**
 * What the serialized dynamic provider calls in Pulumi's provider process (`dynamicProvider`).
 * Exported from `gh-interactions/pulumi` only so that process can reach it by the package's
 * name; programs have no use for it.
 *
 * Importing `gh-interactions/pulumi` in a program loads none of this: the engine and the GitHub
 * client (Octokit, zod) are loaded on the first call, in the provider process.
 */
export interface ProviderHost {
  configure(config: pulumi.dynamic.Config): Promise<void>;
  check(kind: ResourceKind, olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
  diff(
    kind: ResourceKind,
    id: string,
    olds: Props,
    news: Props,
  ): Promise<pulumi.dynamic.DiffResult>;
  create(kind: ResourceKind, inputs: Props): Promise<pulumi.dynamic.CreateResult>;
  read(kind: ResourceKind, id: string, props?: Props): Promise<pulumi.dynamic.ReadResult>;
  update(
    kind: ResourceKind,
    id: string,
    olds: Props,
    news: Props,
  ): Promise<pulumi.dynamic.UpdateResult>;
  delete(kind: ResourceKind, id: string, props: Props): Promise<void>;
}

const operations = () => import('./runtime/operations.js');
const connection = () => import('./runtime/connection.js');

export const providerHost: ProviderHost = {
  async configure(config) {
    (await connection()).configureConnection(config);
  },
  async check(kind, olds, news) {
    return (await operations()).check(kind, olds, news);
  },
  async diff(kind, id, olds, news) {
    return (await operations()).diff(kind, id, olds, news);
  },
  async create(kind, inputs) {
    return (await operations()).create(kind, inputs);
  },
  async read(kind, id, props) {
    return (await operations()).read(kind, id, props);
  },
  async update(kind, id, olds, news) {
    return (await operations()).update(kind, id, olds, news);
  },
  async delete(kind, id, props) {
    await (await operations()).remove(kind, id, props);
  },
};
