import { z } from 'zod';
import { diffResource, observedStateOf } from './diff';
import { refinePlan } from './planner';
import type { Plan } from './plan';
import { ACTIONS, PLAN_FORMAT_VERSION, summarize } from './plan';
import { RESOURCE_KINDS } from './registry';
import type { Change } from './types';
import { validateDesired } from './validate';

/** The shape of a plan as data (what `--json` prints and `plan --out` saves). */
export const PlanSchema = z.object({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  changes: z.array(
    z.object({
      kind: z.enum(RESOURCE_KINDS as [string, ...string[]]),
      id: z.string(),
      action: z.enum(ACTIONS as [string, ...string[]]),
      reasons: z.array(z.object({ type: z.string(), message: z.string() }).loose()),
      notes: z.array(z.string()),
      warnings: z.array(z.string()),
      remedy: z.string().optional(),
      before: z.unknown(),
      after: z.unknown(),
      operations: z.array(z.object({ type: z.string() }).loose()),
      target: z.object({ kind: z.string() }).loose(),
      desired: z.object({ ensure: z.enum(['present', 'absent']) }).loose(),
      fingerprint: z.string(),
      source: z.string().optional(),
    }),
  ),
  summary: z.record(z.string(), z.number()),
  unreadable: z
    .array(
      z
        .object({
          kind: z.enum(RESOURCE_KINDS as [string, ...string[]]),
          id: z.string(),
          reason: z.string(),
        })
        .loose(),
    )
    .optional(),
});

/** Keys sorted, so two values compare equal whatever order their JSON had. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const COMPARED = ['kind', 'id', 'action', 'target', 'after', 'operations', 'fingerprint'] as const;

/**
 * Every problem that makes a plan unsafe to apply: a wrong shape, or parts that do not agree.
 * Each change is computed again from its own declared resource and the state it saw (pure, at the
 * plan's clock); its id, target, action, what it leaves in force and its writes must be exactly
 * those. So apply writes exactly what the plan reports, and an edited plan is refused.
 */
export function verifyPlan(plan: unknown): string[] {
  const parsed = PlanSchema.safeParse(plan);
  if (!parsed.success) {
    return parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'plan'}: ${issue.message}`);
  }
  const typed = plan as Plan;
  const problems: string[] = [];
  const label = (change: Change, index: number) =>
    `changes[${index}] (${change.kind} ${change.id})`;
  typed.changes.forEach((change, index) => {
    for (const issue of validateDesired(change.desired)) {
      problems.push(`${label(change, index)}: desired ${issue.message}`);
    }
  });
  if (problems.length > 0) return problems;

  let recomputed: Change[];
  try {
    const now = new Date(typed.createdAt);
    recomputed = refinePlan(
      typed.changes.map((change) =>
        diffResource({ desired: change.desired, observed: observedStateOf(change), now }),
      ),
    );
  } catch (error) {
    return [`the plan cannot be computed again from its own parts: ${(error as Error).message}`];
  }
  typed.changes.forEach((change, index) => {
    const expected = recomputed[index];
    for (const key of COMPARED) {
      if (canonical(change[key]) !== canonical(expected[key])) {
        problems.push(
          `${label(change, index)}: ${key} is ${canonical(change[key])}, but its declared resource and the state it saw give ${canonical(expected[key])}`,
        );
      }
    }
  });
  if (canonical(typed.summary) !== canonical(summarize(typed.changes))) {
    problems.push(`summary does not count the changes: ${canonical(typed.summary)}`);
  }
  return problems;
}
