import type { ObservedInteractionLimit } from '../../src/github';
import type { DesiredOf, InteractionLimitSpec } from '../../src/core';
import { interactionLimitSpec } from '../../src/core';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const HOUR = 3600;
export const DAY = 24 * HOUR;

/** An ISO timestamp `seconds` after NOW (GitHub's format, no milliseconds). */
export function inSeconds(seconds: number, from: Date = NOW): string {
  return new Date(from.getTime() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function repoLimitSpec(overrides: Partial<Parameters<typeof interactionLimitSpec>[0]> = {}) {
  return interactionLimitSpec({
    repository: 'acme/api',
    limit: 'collaborators_only',
    ...overrides,
  });
}

export function present(
  spec: InteractionLimitSpec,
  extra: object = {},
): DesiredOf<'InteractionLimit'> {
  return { ensure: 'present', spec, ...extra };
}

export function limit(
  value: ObservedInteractionLimit['limit'],
  origin: string,
  expiresAt: string,
): ObservedInteractionLimit {
  return { limit: value, origin, expiresAt };
}
