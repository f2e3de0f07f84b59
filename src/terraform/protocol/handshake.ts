/**
 * go-plugin's start-up contract (hashicorp/go-plugin server.go and client.go), which Terraform
 * uses to start providers:
 *
 * - Terraform sets TF_PLUGIN_MAGIC_COOKIE, so a provider run by hand can say it is a plugin
 *   instead of misbehaving; PLUGIN_PROTOCOL_VERSIONS, the protocol versions it speaks
 *   (comma-separated); PLUGIN_CLIENT_CERT, its own certificate for AutoMTLS (PEM); and
 *   PLUGIN_MIN_PORT / PLUGIN_MAX_PORT, which only matter for TCP (Windows).
 * - The plugin prints one line on stdout, `CORE|PROTOCOL|NETWORK|ADDRESS|grpc|CERT`, where CERT
 *   is its server certificate as base64 DER without padding (go-plugin decodes it with
 *   RawStdEncoding, which rejects `=`). Nothing may come before that line on stdout.
 */

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
/** Terraform's value (internal/plugin6/serve.go, Handshake.MagicCookieValue). */
export const MAGIC_COOKIE_VALUE =
  'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's own protocol version (CoreProtocolVersion). */
export const CORE_PROTOCOL_VERSION = 1;
/** The Terraform plugin protocol major version served here. */
export const PLUGIN_PROTOCOL_VERSION = 6;

export interface HandshakeEnvironment {
  /** Terraform's certificate (PLUGIN_CLIENT_CERT); absent when the client did not ask for mTLS. */
  readonly clientCertificatePem?: string;
  /** PLUGIN_UNIX_SOCKET_DIR: where go-plugin wants the socket made, when it says. */
  readonly socketParentDirectory?: string;
}

export interface HandshakeMessageOptions {
  /** The executable name shown in messages. @default "terraform-provider-ghinteractions" */
  readonly executableName?: string;
  /** How to install the provider, appended to the "run it through Terraform" message. */
  readonly installHint?: string;
}

export const DEFAULT_EXECUTABLE_NAME = 'terraform-provider-ghinteractions';
export const DEFAULT_INSTALL_HINT =
  'Install it into a local provider mirror with installProvider() from gh-interactions ' +
  '(src/terraform/protocol/launcher.ts), then run `terraform init`.';

/** The process was not started by a Terraform that can talk to it; the message says why. */
export class HandshakeError extends Error {
  override readonly name = 'HandshakeError';
}

/** Reads and checks what Terraform passes in the environment. Throws HandshakeError. */
export function readHandshakeEnvironment(
  env: NodeJS.ProcessEnv,
  options: HandshakeMessageOptions = {},
): HandshakeEnvironment {
  const executableName = options.executableName ?? DEFAULT_EXECUTABLE_NAME;
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    throw new HandshakeError(
      [
        `${executableName} is a Terraform plugin: Terraform starts it and talks to it over gRPC.`,
        'It is not meant to be run directly.',
        '',
        'To use it, require the provider in your configuration:',
        '',
        '  terraform {',
        '    required_providers {',
        '      ghinteractions = { source = "gh-interactions/ghinteractions" }',
        '    }',
        '  }',
        '',
        options.installHint ?? DEFAULT_INSTALL_HINT,
        '',
        `(${MAGIC_COOKIE_KEY} is ${!env[MAGIC_COOKIE_KEY] ? 'not set' : 'set to an unexpected value'}.)`,
      ].join('\n'),
    );
  }
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  if (offered !== undefined && offered.trim() !== '') {
    const versions = offered.split(',').map((v) => v.trim());
    if (!versions.includes(String(PLUGIN_PROTOCOL_VERSION))) {
      throw new HandshakeError(
        `${executableName} speaks Terraform plugin protocol ${PLUGIN_PROTOCOL_VERSION}, but this ` +
          `Terraform offers only version(s) ${versions.join(', ')} (PLUGIN_PROTOCOL_VERSIONS). ` +
          'Protocol 6 needs Terraform 1.0 or later; upgrade Terraform.',
      );
    }
  }
  const certificate = env.PLUGIN_CLIENT_CERT;
  const socketDirectory = env.PLUGIN_UNIX_SOCKET_DIR;
  return {
    ...(certificate !== undefined && certificate.trim() !== ''
      ? { clientCertificatePem: certificate }
      : {}),
    ...(socketDirectory !== undefined && socketDirectory !== ''
      ? { socketParentDirectory: socketDirectory }
      : {}),
  };
}

/** The line Terraform waits for: `1|6|unix|/path/plugin.sock|grpc|MIIB…` (no base64 padding). */
export function formatHandshakeLine(socketPath: string, serverCertificateDer?: Uint8Array): string {
  const certificate = serverCertificateDer
    ? Buffer.from(serverCertificateDer).toString('base64').replace(/=+$/, '')
    : '';
  return [
    CORE_PROTOCOL_VERSION,
    PLUGIN_PROTOCOL_VERSION,
    'unix',
    socketPath,
    'grpc',
    certificate,
  ].join('|');
}

export interface HandshakeLine {
  readonly coreProtocolVersion: number;
  readonly protocolVersion: number;
  readonly network: string;
  readonly address: string;
  readonly protocol: string;
  readonly serverCertificateDer?: Uint8Array;
}

/** Reads a handshake line as go-plugin's client does (for tests and the start-up bench). */
export function parseHandshakeLine(line: string): HandshakeLine {
  const parts = line.trim().split('|');
  if (parts.length < 4) {
    throw new HandshakeError(`Unrecognized handshake line ${JSON.stringify(line)}`);
  }
  const [core, protocolVersion, network, address, protocol, certificate] = parts as [
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  return {
    coreProtocolVersion: Number(core),
    protocolVersion: Number(protocolVersion),
    network,
    address,
    protocol: protocol ?? 'netrpc',
    ...(certificate ? { serverCertificateDer: Buffer.from(certificate, 'base64') } : {}),
  };
}
