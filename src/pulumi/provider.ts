import type * as pulumi from '@pulumi/pulumi';
import type { ResourceKind } from '../core';
import type { ProviderHost } from './host';

/**
 * The dynamic provider of one resource kind: the object Pulumi serializes into each resource's
 * `__provider` input and loads again, with `require-from-string`, in its provider process
 * (`@pulumi/pulumi/cmd/dynamic-provider`).
 *
 * What its methods capture is what gets serialized, so they capture nothing but the kind's name
 * and this package's name: no token, no config value, no client, no module object. (A module
 * object would be serialized by reference only if Pulumi's serializer finds it among the
 * package's `exports`, and a token read at module scope would land in the state in clear text:
 * pulumi/pulumi#8265.) Each method loads the package by name in the provider process, from the
 * project's node_modules, and calls the host there; the host reads the credentials in `configure`
 * and keeps them out of this object.
 */
export function dynamicProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  // Resolved from the Pulumi project's node_modules in the provider process (package `exports`).
  const hostModule = 'gh-interactions/pulumi';
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded by name, at run time, in Pulumi's provider process (see above) */
  const host = (): ProviderHost =>
    (require(hostModule) as { providerHost: ProviderHost }).providerHost;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    async configure(request) {
      await host().configure(request.config);
    },
    async check(olds, news) {
      return host().check(kind, olds, news);
    },
    async diff(id, olds, news) {
      return host().diff(kind, id, olds, news);
    },
    async create(inputs) {
      return host().create(kind, inputs);
    },
    async read(id, props) {
      return host().read(kind, id, props);
    },
    async update(id, olds, news) {
      return host().update(kind, id, olds, news);
    },
    async delete(id, props) {
      await host().delete(kind, id, props);
    },
  };
}
