import { rmSync } from 'node:fs';
import type { CertificateCurve } from './certificate';
import type { HandshakeMessageOptions } from './handshake';
import { HandshakeError, readHandshakeEnvironment } from './handshake';
import type { PluginServer, ProviderHandlersSource } from './server';
import { startPluginServer } from './server';

export interface ServeProviderOptions extends HandshakeMessageOptions {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default DEFAULT_CERTIFICATE_CURVE */
  readonly certificateCurve?: CertificateCurve;
  /** How often to check that Terraform (the parent process) is still alive. @default 1000 */
  readonly parentPollIntervalMs?: number;
}

export const DEFAULT_PARENT_POLL_INTERVAL_MS = 1000;

/**
 * The provider process's main: checks that Terraform started it, serves the protocol, prints the
 * handshake line, and exits once Terraform is done with it. Returns only when the process is
 * about to exit (the exit code is set), so an entry point is just `void serveProvider(handlers)`.
 *
 * Pass handlers as a function to load the provider's heavy modules after the handshake line
 * is out: Terraform starts a provider several times per command.
 *
 * How the process ends, leaving neither socket nor temporary directory behind:
 * - GRPCController.Shutdown (Terraform is done), SIGTERM or SIGHUP: stop and exit 0.
 * - The parent process is gone (Terraform was killed): same, within parentPollIntervalMs.
 * - SIGINT: Ctrl-C reaches the whole process group, Terraform included, which then calls
 *   StopProvider, waits for calls in flight, saves state and shuts the provider down. So a first
 *   SIGINT only aborts the handlers' signal, as StopProvider does (go-plugin ignores SIGINT for
 *   the same reason); a second one exits, as Terraform itself does on a second Ctrl-C.
 * - An uncaught exception or unhandled rejection outside handlers: logged, exit 1.
 * stdin is never read: it is Terraform's own, and reading it would steal the answers to its
 * prompts.
 */
export async function serveProvider(
  handlers: ProviderHandlersSource,
  options: ServeProviderOptions = {},
): Promise<void> {
  let environment;
  try {
    environment = readHandshakeEnvironment(options.env ?? process.env, options);
  } catch (error) {
    if (!(error instanceof HandshakeError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
    return;
  }

  let server: PluginServer;
  try {
    server = await startPluginServer({
      handlers,
      ...environment,
      ...(options.certificateCurve ? { certificateCurve: options.certificateCurve } : {}),
    });
  } catch (error) {
    process.stderr.write(`gh-interactions provider: cannot start: ${String(error)}\n`);
    process.exitCode = 1;
    return;
  }

  // Last resort for exits this module does not drive (a handler calling process.exit).
  const removeSocketDirectory = () =>
    rmSync(server.socketDirectory, { recursive: true, force: true });
  process.on('exit', removeSocketDirectory);

  let exitCode = 0;
  const shutdown = (code: number) => {
    exitCode = Math.max(exitCode, code);
    void server.close();
  };
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts === 1) server.requestStop();
    else shutdown(0);
  };
  const onTerminate = () => shutdown(0);
  const onFatal = (error: unknown) => {
    process.stderr.write(
      `gh-interactions provider: unexpected error, exiting: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`,
    );
    shutdown(1);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  process.on('SIGHUP', onTerminate);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);

  // An orphan is adopted by init (or a subreaper): its parent pid changes.
  const parentPid = process.ppid;
  const parentWatch = setInterval(() => {
    if (process.ppid !== parentPid) shutdown(0);
  }, options.parentPollIntervalMs ?? DEFAULT_PARENT_POLL_INTERVAL_MS);
  parentWatch.unref();

  process.stdout.write(`${server.handshakeLine}\n`);
  // If Terraform dies first, our stdout and stderr are pipes nobody reads: a write then fails
  // with EPIPE, which must not turn the clean-up into a crash.
  const ignore = () => undefined;
  process.stdout.on('error', ignore);
  process.stderr.on('error', ignore);
  server.preloadHandlers();

  await server.closed;
  clearInterval(parentWatch);
  process.off('exit', removeSocketDirectory);
  process.exitCode = exitCode;
  // Handlers may leave timers or sockets (HTTP keep-alive) behind; Terraform waits for the
  // process to end, so end it once stdout has drained.
  process.stdout.write('', () => process.exit(exitCode));
}
