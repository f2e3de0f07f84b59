import type { ObservedInteractionLimit } from './types';

/**
 * GitHub answers "no limit" as 200 `{}` (org, repo) or 204 (user); both become `null` here.
 * https://docs.github.com/rest/interactions
 */
export function toObservedLimit(data: unknown): ObservedInteractionLimit | null {
  if (!data || typeof data !== 'object') return null;
  const value = data as { limit?: string; origin?: string; expires_at?: string };
  if (!value.limit) return null;
  return {
    limit: value.limit as ObservedInteractionLimit['limit'],
    origin: value.origin ?? '',
    expiresAt: value.expires_at ?? '',
  };
}

export function requireLimit(data: unknown, where: string): ObservedInteractionLimit {
  const limit = toObservedLimit(data);
  if (!limit) throw new Error(`GitHub answered ${where} without a limit object.`);
  return limit;
}
