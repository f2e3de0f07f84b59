import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerBypassListAdminRoutes } from '../bypass-list/admin';
import { registerCreationCapAdminRoutes } from '../creation-cap/admin';
import { registerFaultAdminRoutes } from '../faults/admin';
import { registerInteractionLimitAdminRoutes } from '../interaction-limits/admin';
import { registerIssueCommentAdminRoutes } from '../issue-comments/admin';
import { registerRateLimitAdminRoutes } from '../rate-limits/admin';
import { registerRequestLogAdminRoutes } from '../request-log/admin';
import type { EmulatorRuntime } from '../runtime';
import { validateSeed } from '../state/seed';
import type { AdminRouter } from './router';
import { createAdminRouter, parseAdminBody } from './router';
import { snapshot } from './snapshot';

/**
 * The emulator's own API under `/_emulator/` (no auth): reset, clock, out-of-band changes as a
 * person clicking in GitHub's UI would make them (no permission checks, no 409, the same
 * precedence side effects), faults, the request log and a state dump. Documented in
 * docs/emulator.md "Admin API"; `EmulatorAdminClient` wraps it. Each feature folder registers
 * its own routes here.
 */
export function registerAdminRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const admin = createAdminRouter(app, runtime);
  registerStateAndClockRoutes(admin);
  registerInteractionLimitAdminRoutes(admin);
  registerBypassListAdminRoutes(admin);
  registerCreationCapAdminRoutes(admin);
  registerIssueCommentAdminRoutes(admin);
  registerRateLimitAdminRoutes(admin);
  registerFaultAdminRoutes(admin);
  registerRequestLogAdminRoutes(admin);
}

const clockBodySchema = z
  .strictObject({
    now: z.iso.datetime({ offset: true }).optional(),
    advanceSeconds: z.number().optional(),
  })
  .refine((b) => (b.now === undefined) !== (b.advanceSeconds === undefined), {
    message: 'give exactly one of [now] or [advanceSeconds]',
  });

const resetBodySchema = z.strictObject({ seed: z.unknown().optional() });

function registerStateAndClockRoutes(admin: AdminRouter): void {
  const { runtime } = admin;
  const { state } = runtime;
  admin.route('POST', '/reset', (request) => {
    const body = parseAdminBody(request, resetBodySchema, 'reset');
    runtime.reset(body.seed === undefined ? undefined : validateSeed(body.seed, 'reset body'));
    return { status: 200, body: snapshot(state) };
  });
  admin.route('GET', '/state', () => ({ status: 200, body: snapshot(state) }));

  admin.route('GET', '/clock', () => ({
    status: 200,
    body: { now: new Date(state.now()).toISOString() },
  }));
  admin.route('POST', '/clock', (request) => {
    const body = parseAdminBody(request, clockBodySchema, 'clock');
    if (body.now !== undefined) state.setClock(Date.parse(body.now));
    else state.advanceClock(body.advanceSeconds ?? 0);
    return { status: 200, body: { now: new Date(state.now()).toISOString() } };
  });
}
