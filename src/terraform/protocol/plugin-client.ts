import * as grpc from '@grpc/grpc-js';
import type { PluginCertificate } from './certificate';
import { protocolDefinitions } from './definitions';
import { parseHandshakeLine } from './handshake';
import type { ProviderMethod } from './messages';

/**
 * The Terraform side of the connection, reduced to what tests and the start-up bench need:
 * dial the handshake line's socket with the same mTLS settings go-plugin uses (trust only the
 * server's certificate, present our own, server name "localhost") and call methods.
 */
export interface PluginClient {
  /** Calls a tfplugin6.Provider method; resolves with the decoded response. */
  callProvider(method: ProviderMethod | string, request?: object): Promise<Record<string, unknown>>;
  /** Calls a server-streaming tfplugin6.Provider method; resolves with all its events. */
  streamProvider(method: string, request?: object): Promise<Array<Record<string, unknown>>>;
  /** GRPCController.Shutdown. */
  shutdown(): Promise<void>;
  /** grpc.health.v1.Health/Check for the given service. */
  healthCheck(service?: string): Promise<string>;
  /** Opens GRPCStdio.StreamStdio; resolves when the server ends it. */
  streamStdio(): Promise<void>;
  close(): void;
}

export function connectToPlugin(
  handshakeLine: string,
  clientCertificate?: PluginCertificate,
): PluginClient {
  const handshake = parseHandshakeLine(handshakeLine);
  if (handshake.network !== 'unix' || handshake.protocol !== 'grpc') {
    throw new Error(
      `Expected a grpc plugin on a unix socket; the handshake line says ${handshake.protocol} on ${handshake.network}`,
    );
  }
  let credentials: grpc.ChannelCredentials;
  if (handshake.serverCertificateDer) {
    if (!clientCertificate) {
      throw new Error('The plugin serves TLS; pass the client certificate given to it');
    }
    credentials = grpc.credentials.createSsl(
      Buffer.from(derToPem(handshake.serverCertificateDer)),
      Buffer.from(clientCertificate.privateKeyPem),
      Buffer.from(clientCertificate.certificatePem),
    );
  } else {
    credentials = grpc.credentials.createInsecure();
  }
  const definitions = protocolDefinitions();
  const options: grpc.ChannelOptions = {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
  };
  const address = `unix://${handshake.address}`;
  type Untyped = grpc.Client & Record<string, (...args: unknown[]) => unknown>;
  const make = (service: grpc.ServiceDefinition, name: string) =>
    new (grpc.makeGenericClientConstructor(service, name))(
      address,
      credentials,
      options,
    ) as unknown as Untyped;
  const provider = make(definitions.provider, 'Provider');
  const controller = make(definitions.controller, 'GRPCController');
  const health = make(definitions.health, 'Health');
  const stdio = make(definitions.stdio, 'GRPCStdio');

  const unary = (client: Untyped, method: string, request: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const fn = client[method];
      if (typeof fn !== 'function') {
        reject(new Error(`No method ${method}`));
        return;
      }
      fn.call(
        client,
        request,
        (error: grpc.ServiceError | null, response: Record<string, unknown>) =>
          error ? reject(error) : resolve(response),
      );
    });

  return {
    callProvider: (method, request = {}) => unary(provider, method, request),
    streamProvider: (method, request = {}) =>
      new Promise((resolve, reject) => {
        const fn = provider[method];
        if (typeof fn !== 'function') {
          reject(new Error(`No method ${method}`));
          return;
        }
        const events: Array<Record<string, unknown>> = [];
        const call = fn.call(provider, request) as grpc.ClientReadableStream<
          Record<string, unknown>
        >;
        call.on('data', (event) => events.push(event));
        call.on('end', () => resolve(events));
        call.on('error', (error) => reject(error));
      }),
    shutdown: async () => {
      await unary(controller, 'Shutdown', {});
    },
    healthCheck: async (service = 'plugin') =>
      String((await unary(health, 'Check', { service })).status),
    streamStdio: () =>
      new Promise<void>((resolve, reject) => {
        const call = stdio.StreamStdio!.call(stdio, {}) as grpc.ClientReadableStream<unknown>;
        call.on('data', () => undefined);
        call.on('end', () => resolve());
        call.on('error', (error) => reject(error));
      }),
    close: () => {
      for (const client of [provider, controller, health, stdio]) client.close();
    },
  };
}

function derToPem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
