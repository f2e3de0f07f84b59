import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { CertificateCurve } from './certificate';
import { generatePluginCertificate } from './certificate';
import { protocolDefinitions } from './definitions';
import { describeError, diagnosticsFromError } from './diagnostics';
import { formatHandshakeLine } from './handshake';
import type { ProviderHandlers, ProviderMethod } from './messages';

/** Handlers, or a function that loads them (called once, after the handshake line is out). */
export type ProviderHandlersSource =
  | Partial<ProviderHandlers>
  | (() => Partial<ProviderHandlers> | Promise<Partial<ProviderHandlers>>);

export interface PluginServerOptions {
  readonly handlers: ProviderHandlersSource;
  /**
   * Terraform's certificate (PLUGIN_CLIENT_CERT). When given, the server speaks TLS, requires a
   * client certificate and trusts only this one. Without it the server is plaintext, as go-plugin
   * does when Terraform runs with TF_DISABLE_PLUGIN_TLS.
   */
  readonly clientCertificatePem?: string;
  /** Where the socket's fresh temporary directory is made. @default os.tmpdir() */
  readonly socketParentDirectory?: string;
  /** @default DEFAULT_CERTIFICATE_CURVE (P-521, as go-plugin) */
  readonly certificateCurve?: CertificateCurve;
  /** Receives the stack of unexpected handler errors. @default a line on stderr */
  readonly log?: (message: string) => void;
}

export interface PluginServer {
  readonly socketPath: string;
  /** The temporary directory holding the socket; removed by close(). */
  readonly socketDirectory: string;
  readonly serverCertificateDer?: Uint8Array;
  /** What to print on stdout for Terraform. */
  readonly handshakeLine: string;
  /** Starts loading handlers given as a function, if not yet started. */
  preloadHandlers(): void;
  /** Aborts the signal handlers see, as StopProvider does; the server keeps serving. */
  requestStop(): void;
  /** Stops serving, ends open streams, removes the socket directory. Idempotent. */
  close(): Promise<void>;
  /** Settles once the server is closed, by close() or by Terraform's GRPCController.Shutdown. */
  readonly closed: Promise<void>;
}

/** How long close() lets calls in flight finish before cutting connections. */
export const SHUTDOWN_GRACE_MS = 500;

const SERVER_OPTIONS: grpc.ServerOptions = {
  // Terraform lifts gRPC's 4 MB default on its side; schemas and states can be large.
  'grpc.max_receive_message_length': -1,
  'grpc.max_send_message_length': -1,
};

/** The go-plugin service name go-plugin's client health-checks (GRPCServiceName). */
const HEALTH_SERVICE_NAME = 'plugin';

type StreamingCall =
  grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

/**
 * Serves tfplugin6.Provider, plugin.GRPCController, plugin.GRPCStdio, plugin.GRPCBroker and
 * grpc.health.v1.Health on a unix socket in a fresh temporary directory.
 */
export async function startPluginServer(options: PluginServerOptions): Promise<PluginServer> {
  const definitions = protocolDefinitions();
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const clientCertificatePem = options.clientCertificatePem;
  if (clientCertificatePem !== undefined) assertCertificate(clientCertificatePem);
  const certificate =
    clientCertificatePem !== undefined
      ? await generatePluginCertificate(options.certificateCurve)
      : undefined;

  const socketDirectory = mkdtempSync(
    join(options.socketParentDirectory ?? tmpdir(), 'ghinteractions-'),
  );
  const socketPath = join(socketDirectory, 'plugin.sock');
  const server = new grpc.Server(SERVER_OPTIONS);
  const openStreams = new Set<StreamingCall>();
  // One stop signal per process: Terraform does not use a provider again after stopping it.
  const stopController = new AbortController();

  let handlersPromise: Promise<Partial<ProviderHandlers>> | undefined;
  const loadHandlers = (): Promise<Partial<ProviderHandlers>> => {
    const source = options.handlers;
    handlersPromise ??=
      typeof source === 'function' ? Promise.resolve().then(source) : Promise.resolve(source);
    return handlersPromise;
  };

  const answer = async (method: ProviderMethod, request: unknown): Promise<unknown> => {
    if (method === 'StopProvider') {
      stopController.abort();
    }
    let handlers: Partial<ProviderHandlers>;
    try {
      handlers = await loadHandlers();
    } catch (error) {
      log(`gh-interactions provider: loading the provider failed: ${stackOf(error)}`);
      return failureResponse(method, error);
    }
    const handler = handlers[method] as
      ((request: unknown, context: unknown) => unknown) | undefined;
    if (handler === undefined) {
      // StopProvider has a built-in answer: the abort above is all a handler-less provider needs.
      if (method === 'StopProvider') return {};
      throw unimplemented(method);
    }
    try {
      return (await handler(request, { method, signal: stopController.signal })) ?? {};
    } catch (error) {
      log(`gh-interactions provider: ${method} failed: ${stackOf(error)}`);
      return failureResponse(method, error);
    }
  };

  // Each unary method answers through our own serialization, so a response that cannot be
  // encoded turns into a diagnostic as well instead of a bare INTERNAL error.
  const providerService: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  const providerImplementation: grpc.UntypedServiceImplementation = {};
  for (const [name, definition] of Object.entries(definitions.provider)) {
    if (definition.requestStream || definition.responseStream) {
      // Left out: grpc-js answers UNIMPLEMENTED for a method without an implementation.
      providerService[name] = definition;
      continue;
    }
    const method = name as ProviderMethod;
    providerService[name] = {
      ...definition,
      responseSerialize: (value: unknown) =>
        Buffer.isBuffer(value) ? value : definition.responseSerialize(value),
    };
    providerImplementation[name] = (
      call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      answer(method, call.request)
        .then((response) => callback(null, serialize(definition, method, response, log)))
        .catch((error: unknown) => callback(toServiceError(error)));
    };
  }
  server.addService(providerService, providerImplementation);

  const holdOpen = (call: StreamingCall) => {
    openStreams.add(call);
    const forget = () => openStreams.delete(call);
    call.on('cancelled', forget);
    call.on('close', forget);
    call.on('error', forget);
  };
  server.addService(definitions.stdio, {
    // Nothing is forwarded: after the handshake, stdout and stderr stay the process's own, and
    // Terraform logs them. The stream stays open until shutdown, as go-plugin's does.
    StreamStdio: (call: grpc.ServerWritableStream<unknown, unknown>) => holdOpen(call),
  });
  server.addService(definitions.broker, {
    // Terraform providers never broker extra connections; accept the stream go-plugin opens.
    StartStream: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
      holdOpen(call);
      call.on('data', () => undefined);
      call.on('end', () => call.end());
    },
  });
  server.addService(definitions.health, {
    Check: (
      call: grpc.ServerUnaryCall<{ service: string }, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      const service = call.request.service;
      if (service === '' || service === HEALTH_SERVICE_NAME) {
        callback(null, { status: 'SERVING' });
      } else {
        callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${service}` });
      }
    },
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      stopController.abort();
      for (const call of openStreams) call.end();
      openStreams.clear();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, SHUTDOWN_GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      rmSync(socketDirectory, { recursive: true, force: true });
      resolveClosed();
    })();
    return closing;
  };

  server.addService(definitions.controller, {
    Shutdown: (
      _call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      callback(null, {});
      // Answer first: go-plugin treats a failed Shutdown call as "kill it now".
      setImmediate(() => void close());
    },
  });

  const credentials =
    certificate && clientCertificatePem !== undefined
      ? grpc.ServerCredentials.createSsl(
          Buffer.from(clientCertificatePem),
          [
            {
              private_key: Buffer.from(certificate.privateKeyPem),
              cert_chain: Buffer.from(certificate.certificatePem),
            },
          ],
          true,
        )
      : grpc.ServerCredentials.createInsecure();
  try {
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(`unix://${socketPath}`, credentials, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  } catch (error) {
    server.forceShutdown();
    rmSync(socketDirectory, { recursive: true, force: true });
    throw error;
  }

  return {
    socketPath,
    socketDirectory,
    ...(certificate ? { serverCertificateDer: certificate.certificateDer } : {}),
    handshakeLine: formatHandshakeLine(socketPath, certificate?.certificateDer),
    preloadHandlers: () => {
      // A failure is reported by the first call that needs the handlers.
      loadHandlers().catch(() => undefined);
    },
    requestStop: () => {
      stopController.abort();
    },
    close,
    closed,
  };
}

function serialize(
  definition: grpc.MethodDefinition<unknown, unknown>,
  method: ProviderMethod,
  response: unknown,
  log: (message: string) => void,
): Buffer {
  try {
    return definition.responseSerialize(response);
  } catch (error) {
    log(`gh-interactions provider: the ${method} response cannot be encoded: ${stackOf(error)}`);
    return definition.responseSerialize(
      failureResponse(
        method,
        new Error(`the ${method} response cannot be encoded: ${describeError(error)}`),
      ),
    );
  }
}

/** The response that reports a handler's failure in the method's own terms. */
function failureResponse(method: ProviderMethod, error: unknown): unknown {
  switch (method) {
    case 'CallFunction':
      return { error: { text: describeError(error) } };
    case 'StopProvider':
      return { Error: describeError(error) };
    default:
      return { diagnostics: diagnosticsFromError(error, method) };
  }
}

class UnimplementedError extends Error {
  override readonly name = 'UnimplementedError';
}

function unimplemented(method: string): UnimplementedError {
  return new UnimplementedError(`${method} is not implemented by this provider`);
}

function toServiceError(error: unknown): Partial<grpc.ServiceError> {
  if (error instanceof UnimplementedError) {
    return { code: grpc.status.UNIMPLEMENTED, details: error.message };
  }
  return { code: grpc.status.INTERNAL, details: describeError(error) };
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : describeError(error);
}

function assertCertificate(pem: string): void {
  try {
    new X509Certificate(pem);
  } catch (error) {
    throw new Error(
      `PLUGIN_CLIENT_CERT is not a PEM certificate (${describeError(error)}); Terraform sets it when it starts the provider with AutoMTLS`,
      { cause: error },
    );
  }
}
