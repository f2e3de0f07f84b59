import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatePluginCertificate } from './certificate';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, parseHandshakeLine } from './handshake';
import { connectToPlugin } from './plugin-client';

/**
 * Cold start of a provider process as Terraform sees it, which it pays several times per
 * command: exec → handshake line on stdout → first answer (GetProviderSchema) → Shutdown →
 * process gone. Run after `npm run build`:
 *
 *   node dist/terraform/protocol/bench-startup.js [--runs N] [ENTRY.js]
 *
 * ENTRY defaults to bench-provider.js, an empty provider that loads only the protocol.
 */

export interface StartupSample {
  /** exec → handshake line read. */
  readonly handshakeMs: number;
  /** exec → GetProviderSchema answered (includes connecting and the TLS handshake). */
  readonly firstAnswerMs: number;
  /** Shutdown called → process exited. */
  readonly shutdownMs: number;
}

export interface MeasureStartupOptions {
  /** The provider entry file to run with this Node. */
  readonly entry: string;
  /** @default 10 */
  readonly runs?: number;
}

export const DEFAULT_STARTUP_RUNS = 10;

export async function measureProviderStartup(
  options: MeasureStartupOptions,
): Promise<StartupSample[]> {
  const clientCertificate = await generatePluginCertificate();
  const samples: StartupSample[] = [];
  for (let run = 0; run < (options.runs ?? DEFAULT_STARTUP_RUNS); run++) {
    const started = performance.now();
    const child = spawn(process.execPath, [options.entry], {
      env: {
        ...process.env,
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: '5,6',
        PLUGIN_CLIENT_CERT: clientCertificate.certificatePem,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const line = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const end = output.indexOf('\n');
        if (end >= 0) resolve(output.slice(0, end));
      });
      child.on('exit', (code) =>
        reject(new Error(`The provider exited (code ${code}) before its handshake line`)),
      );
    });
    const handshakeMs = performance.now() - started;
    const client = connectToPlugin(line, clientCertificate);
    try {
      await client.callProvider('GetProviderSchema');
      const firstAnswerMs = performance.now() - started;
      const shutdownStarted = performance.now();
      await client.shutdown();
      const code = await exited;
      const shutdownMs = performance.now() - shutdownStarted;
      if (code !== 0) throw new Error(`The provider exited with code ${code} after Shutdown`);
      if (existsSync(parseHandshakeLine(line).address)) {
        throw new Error(`The provider left its socket behind: ${parseHandshakeLine(line).address}`);
      }
      samples.push({ handshakeMs, firstAnswerMs, shutdownMs });
    } finally {
      client.close();
      child.kill();
    }
  }
  return samples;
}

export function summarizeStartup(samples: readonly StartupSample[]): string {
  const describe = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    return `${name.padEnd(14)} median ${median.toFixed(0).padStart(4)} ms   min ${sorted[0]?.toFixed(0).padStart(4)} ms   max ${sorted[sorted.length - 1]?.toFixed(0).padStart(4)} ms`;
  };
  return [
    `${samples.length} runs, node ${process.version}`,
    describe(
      'handshake',
      samples.map((s) => s.handshakeMs),
    ),
    describe(
      'first answer',
      samples.map((s) => s.firstAnswerMs),
    ),
    describe(
      'shutdown',
      samples.map((s) => s.shutdownMs),
    ),
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  let runs = DEFAULT_STARTUP_RUNS;
  let entry = join(__dirname, 'bench-provider.js');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else entry = argv[i]!;
  }
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number ≥ 1; received ${runs}`);
  }
  process.stdout.write(`${summarizeStartup(await measureProviderStartup({ entry, runs }))}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
