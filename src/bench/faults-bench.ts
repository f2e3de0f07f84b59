import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planPolicy } from '../cli/policy-plan';
import { EmulatorAdminClient } from '../emulator/admin/client';
import { startEmulator } from '../emulator';
import type { Seed } from '../emulator';
import { createClient } from '../github';
import { BENCH_POLICY, LATENCY_MS, TOKEN, benchSeed, quietIo } from './policy-bench';

/**
 * Issue 12's figures (docs/reliability.md): a plan of 400 resources over 200 repositories, clean,
 * under a fault mix (10% 502s, 5% dropped connections: retried with per-request jittered back-off),
 * and against a port where nothing listens (no retries, circuit breaker). Wall time of each, in
 * real time with the client's real back-off; the emulator in this process, 30 ms a request.
 */
export interface FaultFigures {
  readonly resources: number;
  readonly cleanMs: number;
  readonly faultyMs: number;
  readonly faultyRequests: number;
  readonly faultsFired: number;
  /** faultyMs / cleanMs. */
  readonly ratio: number;
  /** Time until a plan against a closed port fails, and the error it gives. */
  readonly outageMs: number;
  readonly outageError: string;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function measureFaults(repositories = 200): Promise<FaultFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ghi-bench-faults-'));
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, BENCH_POLICY);
  const emulator = await startEmulator({ seed: benchSeed(repositories) as Seed });
  const admin = new EmulatorAdminClient(emulator.url);
  const io = quietIo();
  const plan = async (baseUrl: string) => {
    const started = performance.now();
    const result = await planPolicy(io, createClient({ baseUrl, token: TOKEN }), policyFile);
    return { ms: performance.now() - started, resources: result.changes.length };
  };
  try {
    await admin.setRateLimit({ limitPerHour: 1_000_000 });
    // GitHub is not instant: the same 30 ms a request as the rest of the bench.
    await admin.setProfile({ latencyMs: LATENCY_MS });
    const clean = await plan(emulator.url);
    await admin.clearRequests();
    await admin.addFault({ kind: 'status', status: 502, rate: 0.1, seed: 7 });
    await admin.addFault({ kind: 'drop', rate: 0.05, seed: 11 });
    const faulty = await plan(emulator.url);
    const faults = await admin.faults();
    const { requests } = await admin.requests();
    await admin.clearFaults();

    const port = await closedPort();
    const started = performance.now();
    let outageError = '';
    try {
      await plan(`http://127.0.0.1:${port}`);
    } catch (error) {
      outageError = error instanceof Error ? error.message : String(error);
    }
    return {
      resources: clean.resources,
      cleanMs: clean.ms,
      faultyMs: faulty.ms,
      faultyRequests: requests.length,
      faultsFired: faults.reduce((sum, f) => sum + f.hits, 0),
      ratio: faulty.ms / clean.ms,
      outageMs: performance.now() - started,
      outageError,
    };
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
