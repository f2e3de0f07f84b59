import { z } from 'zod';

/**
 * Injected failures, so clients can be tested against what GitHub does on a bad day: slow
 * answers, 5xx, dropped connections (before the request is handled, or after a write has
 * committed: `drop_after_commit`), primary and secondary rate limits. Whether a matching
 * request is affected is drawn from a seeded generator, so a test with `rate: 0.5` behaves the
 * same on every run.
 */
export const FAULT_KINDS = [
  'latency',
  'status',
  'drop',
  'drop_after_commit',
  'rate_limit',
  'secondary_rate_limit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSpecSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** HTTP method to match (any when absent). */
  method: z.string().min(1).optional(),
  /** Exact path (without /api/v3 and query), or a prefix ending in `*`; any when absent. */
  path: z.string().startsWith('/').optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * `real` (default): a latency fault waits `latencyMs` of real time. `emulator`: the answer is
   * held until the emulator clock is moved `latencyMs` past the request's arrival (see
   * held-answers.ts), for tests that must not depend on timing.
   */
  latencyClock: z.enum(['real', 'emulator']).optional(),
  status: z.number().int().min(400).max(599).optional(),
  /** Probability that a matching request is affected (default 1). */
  rate: z.number().min(0).max(1).optional(),
  /** How many matching requests to affect (default: unlimited). */
  times: z.number().int().min(1).optional(),
  /** For the rate-limit kinds (and `status`): seconds until the client may retry. Default 60. */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Seed of the generator that applies `rate` (default 1). */
  seed: z.number().int().optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface Fault extends FaultSpec {
  readonly id: string;
  /** Requests this fault has affected so far. */
  hits: number;
}

/** mulberry32: a tiny, good-enough deterministic generator in [0, 1). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultDecision {
  /** Real time to wait before answering (every firing fault's `latencyMs` on the real clock). */
  readonly realLatencyMs: number;
  /** Emulator-clock time the answer is held for (faults with `latencyClock: "emulator"`). */
  readonly emulatorLatencyMs: number;
  /** The first firing fault that answers instead of the route (anything but `latency`). */
  readonly terminal?: Fault;
  /** Every fault that affected the request. */
  readonly fired: readonly Fault[];
}

export class FaultRegistry {
  private faults: Array<{ fault: Fault; random: () => number }> = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    if (spec.kind === 'status' && spec.status === undefined) {
      throw new Error('A "status" fault needs [status], e.g. 502.');
    }
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, hits: 0 };
    this.faults.push({ fault, random: seededRandom(spec.seed ?? 1) });
    return fault;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  /** Decides what happens to a request; affected faults count the hit (for `times`). */
  decide(method: string, path: string): FaultDecision {
    let realLatencyMs = 0;
    let emulatorLatencyMs = 0;
    let terminal: Fault | undefined;
    const fired: Fault[] = [];
    for (const { fault, random } of this.faults) {
      if (terminal && fault.kind !== 'latency') continue;
      if (!matches(fault, method, path)) continue;
      if (fault.times !== undefined && fault.hits >= fault.times) continue;
      if (random() >= (fault.rate ?? 1)) continue;
      fault.hits += 1;
      fired.push(fault);
      if (fault.latencyClock === 'emulator') emulatorLatencyMs += fault.latencyMs ?? 0;
      else realLatencyMs += fault.latencyMs ?? 0;
      if (fault.kind !== 'latency') terminal = fault;
    }
    return { realLatencyMs, emulatorLatencyMs, terminal, fired };
  }
}

function matches(fault: FaultSpec, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!fault.path) return true;
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}
