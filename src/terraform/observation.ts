import type { ObservedState, PreviousApplied, ResourceKind } from '../core';

/**
 * What GitHub reported for a resource, kept in the resource's private data: Terraform passes what
 * ReadResource (or the last apply) returned there to PlanResourceChange, so the plan diffs
 * against GitHub without reading it a second time. Terraform stores it base64-encoded in the
 * state, so it holds GitHub's answers only (limits, logins, cap settings), never a credential.
 */
export interface Observation {
  readonly observed: ObservedState;
  /**
   * What was last applied, when the state no longer says it: once a limit has expired, the
   * refreshed state's `expires_at` is null (nothing is in force), but the plan still needs the
   * last `expires_at` to say "expired at …" and to leave a one-off limit lapsed.
   */
  readonly previous?: PreviousApplied;
  /** GitHub's clock minus this machine's when it was observed (see clock.ts). */
  readonly clockOffsetMs?: number;
}

const FORMAT = 1;

export function encodeObservation(observation: Observation): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: FORMAT,
      observed: observation.observed.observed,
      ...(observation.previous ? { previous: observation.previous } : {}),
      ...(observation.clockOffsetMs !== undefined
        ? { clockOffsetMs: observation.clockOffsetMs }
        : {}),
    }),
    'utf8',
  );
}

/** The observation kept in private data, or undefined when there is none (or an older format). */
export function decodeObservation(
  kind: ResourceKind,
  data: Uint8Array | undefined | null,
): Observation | undefined {
  if (!data || data.length === 0) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as {
      format?: unknown;
      observed?: unknown;
      previous?: PreviousApplied;
      clockOffsetMs?: unknown;
    };
    if (parsed.format !== FORMAT || !('observed' in parsed)) return undefined;
    return {
      observed: { kind, observed: parsed.observed } as ObservedState,
      ...(parsed.previous && typeof parsed.previous === 'object'
        ? { previous: parsed.previous }
        : {}),
      ...(typeof parsed.clockOffsetMs === 'number' && Number.isFinite(parsed.clockOffsetMs)
        ? { clockOffsetMs: parsed.clockOffsetMs }
        : {}),
    };
  } catch {
    return undefined;
  }
}
