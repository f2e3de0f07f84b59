import { z } from 'zod';
import type { AdminRouter } from '../admin/router';
import { adminUser, parseAdminBody } from '../admin/router';
import type { EmulatorRuntime } from '../runtime';
import type { ProfileSettings } from './profile';
import { profileInputSchema, resolveProfile } from './profile';
import { rateLimitKey } from './rate-limiter';
import type { SecondaryUsage } from './secondary-limiter';

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

/** `GET /_emulator/profile`: the profile in force, the refusals and usage of the secondary limits. */
export interface ProfileView extends ProfileSettings {
  /** Requests a secondary limit refused since the request log was last cleared (or a reset). */
  readonly secondaryLimitRefusals: number;
  /** Secondary-limit usage in the current windows, per principal (`user:1`, `installation:5001`, `ip:…`). */
  readonly usage: Readonly<Record<string, SecondaryUsage>>;
}

function profileView(runtime: EmulatorRuntime): ProfileView {
  return {
    ...runtime.profile,
    secondaryLimitRefusals: runtime.log.secondaryLimitRefusals,
    usage: runtime.secondaryLimiter.usageByKey(),
  };
}

/**
 * `PATCH /_emulator/rate-limit`: the hourly budget, and what is left of it (to test exhaustion).
 * `GET`/`POST /_emulator/profile`: the traffic profile (latency, secondary limits).
 */
export function registerRateLimitAdminRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  admin.route('GET', '/profile', () => ({ status: 200, body: profileView(runtime) }));
  admin.route('POST', '/profile', (request) => {
    const input = parseAdminBody(request, profileInputSchema, 'profile');
    runtime.setProfile(resolveProfile(input, runtime.profile));
    return { status: 200, body: profileView(runtime) };
  });
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
