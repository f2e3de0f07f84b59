import type { ServiceDefinition } from '@grpc/grpc-js';
import type { Options, PackageDefinition } from '@grpc/proto-loader';
import { fromJSON } from '@grpc/proto-loader';
import descriptors from './generated/descriptors.json';

/**
 * How messages look in JavaScript: proto field names, enums as names, 64-bit integers as numbers
 * (schema versions and list indexes stay far below 2^53), unset scalars as their zero value and
 * unset messages as null, and the name of the member set in a oneof. messages.ts is written for
 * exactly these options.
 */
export const LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

export interface ProtocolDefinitions {
  readonly provider: ServiceDefinition;
  readonly controller: ServiceDefinition;
  readonly stdio: ServiceDefinition;
  readonly broker: ServiceDefinition;
  readonly health: ServiceDefinition;
  /** Everything, for clients (tests, the start-up bench): pass to grpc.loadPackageDefinition. */
  readonly packageDefinition: PackageDefinition;
}

let loaded: ProtocolDefinitions | undefined;

/** The gRPC services of the protocol, built once per process from the precompiled descriptors. */
export function protocolDefinitions(): ProtocolDefinitions {
  if (loaded) return loaded;
  // The JSON is protobufjs INamespace data; its inferred literal type is too loose to match.
  const packageDefinition = fromJSON(
    descriptors as unknown as Parameters<typeof fromJSON>[0],
    LOADER_OPTIONS,
  );
  const service = (name: string) => packageDefinition[name] as unknown as ServiceDefinition;
  loaded = {
    provider: service('tfplugin6.Provider'),
    controller: service('plugin.GRPCController'),
    stdio: service('plugin.GRPCStdio'),
    broker: service('plugin.GRPCBroker'),
    health: service('grpc.health.v1.Health'),
    packageDefinition,
  };
  return loaded;
}
