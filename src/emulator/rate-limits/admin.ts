import { z } from 'zod';
import type { AdminRouter } from '../admin/router';
import { adminUser, parseAdminBody } from '../admin/router';
import { rateLimitKey } from './rate-limiter';

export interface AdminRateLimitInput {
  readonly limitPerHour?: number;
  /** Requests left in the current window, for every token user and installation (or `login`). */
  readonly remaining?: number;
  readonly login?: string;
}

const rateLimitBodySchema = z.strictObject({
  limitPerHour: z.number().int().positive().optional(),
  remaining: z.number().int().min(0).optional(),
  /** Only this user's budget (default: every token user and installation). */
  login: z.string().optional(),
});

/** `PATCH /_emulator/rate-limit`: the hourly budget, and what is left of it (to test exhaustion). */
export function registerRateLimitAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const { state } = runtime;
  admin.route('PATCH', '/rate-limit', (request) => {
    const body = parseAdminBody(request, rateLimitBodySchema, 'rate limit');
    if (body.limitPerHour !== undefined) {
      state.data.rateLimitPerHour = body.limitPerHour;
      state.changed();
    }
    if (body.remaining !== undefined) {
      const keys = body.login
        ? [rateLimitKey({ kind: 'user', user: adminUser(runtime, body.login) }, '')]
        : [
            ...state.data.userTokens.flatMap((t) => {
              const user = state.findUser(t.login);
              return user ? [rateLimitKey({ kind: 'user', user }, '')] : [];
            }),
            ...state.data.apps.flatMap((a) => a.installations.map((i) => `installation:${i.id}`)),
          ];
      for (const key of keys) runtime.rateLimiter.setRemaining(key, body.remaining);
    }
    const budgets: Record<string, unknown> = {};
    for (const key of runtime.rateLimiter.keys()) budgets[key] = runtime.rateLimiter.status(key);
    return { status: 200, body: { limitPerHour: state.data.rateLimitPerHour, budgets } };
  });
}
