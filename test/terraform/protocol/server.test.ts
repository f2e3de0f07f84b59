import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import type {
  PluginCertificate,
  PluginClient,
  PluginServer,
  ProviderHandlersSource,
} from '../../../src/terraform/protocol';
import {
  DiagnosticsError,
  connectToPlugin,
  errorDiagnostic,
  generatePluginCertificate,
  startPluginServer,
} from '../../../src/terraform/protocol';

/**
 * The gRPC plugin server in this process, called the way Terraform calls it: over its unix
 * socket with AutoMTLS (our client presents the certificate the server was told to trust).
 */
describe('plugin server', () => {
  let terraformCertificate: PluginCertificate;
  let socketParent: string;
  const running: Array<{ server: PluginServer; client: PluginClient }> = [];
  const logged: string[] = [];

  beforeAll(async () => {
    terraformCertificate = await generatePluginCertificate('P-256');
    socketParent = mkdtempSync(join(tmpdir(), 'server-test-'));
  });
  afterEach(async () => {
    for (const { server, client } of running.splice(0)) {
      client.close();
      await server.close();
    }
    logged.length = 0;
  });
  afterAll(() => rmSync(socketParent, { recursive: true, force: true }));

  async function serve(handlers: ProviderHandlersSource, withTls = true) {
    const server = await startPluginServer({
      handlers,
      socketParentDirectory: socketParent,
      log: (message) => logged.push(message),
      ...(withTls ? { clientCertificatePem: terraformCertificate.certificatePem } : {}),
    });
    const client = connectToPlugin(server.handshakeLine, terraformCertificate);
    running.push({ server, client });
    return { server, client };
  }

  it('answers a handler with its response, over mTLS on a unix socket', async () => {
    const { server, client } = await serve({
      GetProviderSchema: () => ({ provider: { block: { description: 'hello' } } }),
    });
    expect(server.handshakeLine).toMatch(/^1\|6\|unix\|.+\/plugin\.sock\|grpc\|[A-Za-z0-9+/]+$/);
    expect(server.socketPath.startsWith(socketParent)).toBe(true);
    const response = await client.callProvider('GetProviderSchema');
    expect(response.provider).toMatchObject({ block: { description: 'hello' } });
  });

  it('answers UNIMPLEMENTED for a method without a handler and keeps serving', async () => {
    const { client } = await serve({ GetProviderSchema: () => ({}) });
    await expect(client.callProvider('GetResourceIdentitySchemas')).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
      details: 'GetResourceIdentitySchemas is not implemented by this provider',
    });
    await expect(client.callProvider('ReadResource', { type_name: 'x' })).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
    });
    await expect(client.streamProvider('ListResource', {})).rejects.toMatchObject({
      code: status.UNIMPLEMENTED,
    });
    await expect(client.callProvider('GetProviderSchema')).resolves.toBeDefined();
  });

  it('turns a handler exception into an ERROR diagnostic with summary and detail', async () => {
    const { client } = await serve({
      PlanResourceChange: () => {
        throw new TypeError('cannot read the limit');
      },
      ApplyResourceChange: async () => {
        await Promise.resolve();
        throw new Error('GitHub answered 500');
      },
    });
    expect(await client.callProvider('PlanResourceChange', { type_name: 'x' })).toMatchObject({
      diagnostics: [
        {
          severity: 'ERROR',
          summary: 'Unexpected error in PlanResourceChange',
          detail: 'TypeError: cannot read the limit',
        },
      ],
    });
    expect(await client.callProvider('ApplyResourceChange', {})).toMatchObject({
      diagnostics: [{ severity: 'ERROR', detail: 'GitHub answered 500' }],
    });
    expect(logged.join('\n')).toMatch(
      /PlanResourceChange failed: TypeError: cannot read the limit\n\s+at /,
    );
  });

  it('answers a DiagnosticsError with its own diagnostics and attribute paths', async () => {
    const { client } = await serve({
      ValidateResourceConfig: () => {
        throw new DiagnosticsError(
          errorDiagnostic('Invalid login', '"-x-" is not a GitHub login', ['logins', 2]),
        );
      },
    });
    const response = await client.callProvider('ValidateResourceConfig', { type_name: 't' });
    expect(response.diagnostics).toEqual([
      {
        severity: 'ERROR',
        summary: 'Invalid login',
        detail: '"-x-" is not a GitHub login',
        attribute: {
          steps: [
            { attribute_name: 'logins', selector: 'attribute_name' },
            { element_key_int: 2, selector: 'element_key_int' },
          ],
        },
      },
    ]);
  });

  it('reports failures in the shape of methods without diagnostics', async () => {
    const { client } = await serve({
      CallFunction: () => {
        throw new Error('bad argument');
      },
      StopProvider: () => {
        throw new Error('cannot stop');
      },
    });
    expect((await client.callProvider('CallFunction', { name: 'f' })).error).toMatchObject({
      text: 'bad argument',
    });
    expect((await client.callProvider('StopProvider')).Error).toBe('cannot stop');
  });

  it('turns a response that cannot be encoded into a diagnostic', async () => {
    const { client } = await serve({
      GetProviderSchema: () => ({ provider: { block: { attributes: 'nope' } } }) as never,
    });
    const response = await client.callProvider('GetProviderSchema');
    expect(response.diagnostics).toMatchObject([
      {
        severity: 'ERROR',
        summary: 'Unexpected error in GetProviderSchema',
        detail: expect.stringContaining('the GetProviderSchema response cannot be encoded'),
      },
    ]);
  });

  it('loads handlers given as a function once, and reports a loader failure as a diagnostic', async () => {
    let loads = 0;
    const { client } = await serve(async () => {
      loads += 1;
      await Promise.resolve();
      return { GetProviderSchema: () => ({}) };
    });
    await Promise.all([
      client.callProvider('GetProviderSchema'),
      client.callProvider('GetProviderSchema'),
    ]);
    expect(loads).toBe(1);

    const failing = await serve(() => {
      throw new Error('cannot load octokit');
    });
    expect((await failing.client.callProvider('ConfigureProvider', {})).diagnostics).toMatchObject([
      { severity: 'ERROR', detail: 'cannot load octokit' },
    ]);
  });

  it('aborts the signal handlers see on StopProvider, without a StopProvider handler', async () => {
    let seen: AbortSignal | undefined;
    const { client } = await serve({
      ConfigureProvider: (_request, { signal }) => {
        seen = signal;
        return {};
      },
    });
    await client.callProvider('ConfigureProvider', {});
    expect(seen?.aborted).toBe(false);
    expect(await client.callProvider('StopProvider')).toEqual({ Error: '' });
    expect(seen?.aborted).toBe(true);
  });

  it('answers the go-plugin health check for "plugin" and holds the stdio stream open until shutdown', async () => {
    const { server, client } = await serve({});
    expect(await client.healthCheck('plugin')).toBe('SERVING');
    await expect(client.healthCheck('other')).rejects.toMatchObject({ code: status.NOT_FOUND });
    const stdio = client.streamStdio();
    await client.shutdown();
    await expect(stdio).resolves.toBeUndefined();
    await server.closed;
  });

  it('closes on GRPCController.Shutdown and removes the socket and its directory', async () => {
    const { server, client } = await serve({});
    expect(existsSync(server.socketPath)).toBe(true);
    await client.shutdown();
    await server.closed;
    expect(existsSync(server.socketDirectory)).toBe(false);
  });

  it('refuses a client that does not present the trusted certificate', async () => {
    const { server } = await serve({ GetProviderSchema: () => ({}) });
    const stranger = connectToPlugin(
      server.handshakeLine,
      await generatePluginCertificate('P-256'),
    );
    try {
      await expect(stranger.callProvider('GetProviderSchema')).rejects.toMatchObject({
        code: status.UNAVAILABLE,
      });
    } finally {
      stranger.close();
    }
  });

  it('serves plaintext with an empty certificate field when Terraform disables TLS', async () => {
    const { server, client } = await serve({ GetProviderSchema: () => ({}) }, false);
    expect(server.handshakeLine).toMatch(/\|grpc\|$/);
    await expect(client.callProvider('GetProviderSchema')).resolves.toBeDefined();
  });

  it('refuses a PLUGIN_CLIENT_CERT that is not a certificate, saying what it is', async () => {
    await expect(
      startPluginServer({
        handlers: {},
        clientCertificatePem: 'not a pem',
        socketParentDirectory: socketParent,
      }),
    ).rejects.toThrow(/PLUGIN_CLIENT_CERT is not a PEM certificate/);
  });
});
