import {
  HandshakeError,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  formatHandshakeLine,
  parseHandshakeLine,
  readHandshakeEnvironment,
} from '../../../src/terraform/protocol';

const cookie = { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE };

describe('go-plugin handshake', () => {
  it("pins Terraform's magic cookie", () => {
    expect(MAGIC_COOKIE_KEY).toBe('TF_PLUGIN_MAGIC_COOKIE');
    expect(MAGIC_COOKIE_VALUE).toBe(
      'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
    );
  });

  it('says it is a Terraform plugin and how to use it when the cookie is missing', () => {
    expect(() => readHandshakeEnvironment({})).toThrow(HandshakeError);
    expect(() => readHandshakeEnvironment({})).toThrow(
      /is a Terraform plugin[\s\S]*not meant to be run directly[\s\S]*source = "gh-interactions\/ghinteractions"[\s\S]*terraform init[\s\S]*TF_PLUGIN_MAGIC_COOKIE is not set/,
    );
    expect(() => readHandshakeEnvironment({ [MAGIC_COOKIE_KEY]: 'nope' })).toThrow(
      /set to an unexpected value/,
    );
    expect(() =>
      readHandshakeEnvironment({}, { executableName: 'my-provider', installHint: 'Run make.' }),
    ).toThrow(/^my-provider is a Terraform plugin[\s\S]*Run make\./);
  });

  it('requires protocol 6 among the versions Terraform offers', () => {
    expect(() => readHandshakeEnvironment({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: '4,5' })).toThrow(
      /speaks Terraform plugin protocol 6.*offers only version\(s\) 4, 5/,
    );
    expect(readHandshakeEnvironment({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: '5,6' })).toEqual({});
    expect(readHandshakeEnvironment({ ...cookie })).toEqual({});
  });

  it('passes on the client certificate and the socket directory', () => {
    expect(
      readHandshakeEnvironment({
        ...cookie,
        PLUGIN_CLIENT_CERT: '-----BEGIN CERTIFICATE-----…',
        PLUGIN_UNIX_SOCKET_DIR: '/run/tf',
      }),
    ).toEqual({
      clientCertificatePem: '-----BEGIN CERTIFICATE-----…',
      socketParentDirectory: '/run/tf',
    });
  });

  it('prints base64 DER without padding, which go-plugin requires', () => {
    // 4 bytes encode to 8 characters with "==" padding in standard base64.
    const line = formatHandshakeLine('/tmp/x/plugin.sock', Uint8Array.from([1, 2, 3, 4]));
    expect(line).toBe('1|6|unix|/tmp/x/plugin.sock|grpc|AQIDBA');
    expect(parseHandshakeLine(line)).toEqual({
      coreProtocolVersion: 1,
      protocolVersion: 6,
      network: 'unix',
      address: '/tmp/x/plugin.sock',
      protocol: 'grpc',
      serverCertificateDer: Buffer.from([1, 2, 3, 4]),
    });
    expect(formatHandshakeLine('/s')).toBe('1|6|unix|/s|grpc|');
  });
});
