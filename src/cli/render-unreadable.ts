import type { ApplyResult, Plan } from '../core';
import { formatFailureGroups, groupFailures, groupUnreadable } from '../core';
import type { Style } from './io';

/**
 * The resources a plan made with `--skip-unreadable` left out, one line per cause (400 identical
 * 403s are one line, with the count and the first few resources). Empty when nothing was left
 * out.
 */
export function renderUnreadable(plan: Plan, style: Style): string[] {
  const unreadable = plan.unreadable ?? [];
  if (unreadable.length === 0) return [];
  const total = plan.changes.length + unreadable.length;
  const head =
    plan.changes.length === 0
      ? total === 1
        ? 'Nothing was planned: the one declared resource could not be read from GitHub:'
        : `Nothing was planned: all ${total} declared resources could not be read from GitHub:`
      : `Not planned: ${unreadable.length} of ${total} declared resources could not be read from GitHub (or depend on one that could not), so this plan leaves them out:`;
  return [style.red(style.bold(head)), ...formatFailureGroups(groupUnreadable(unreadable))];
}

/** The plan as it is printed: its changes, unless nothing at all could be read. */
export function planIsEmptyForWantOfReads(plan: Plan): boolean {
  return plan.changes.length === 0 && (plan.unreadable?.length ?? 0) > 0;
}

/**
 * The failed and conflicting results of an apply, after its summary: failures one line per cause,
 * each conflict on its own line (each is a different change someone made).
 */
export function renderApplyProblems(result: ApplyResult, style: Style): string[] {
  const failed = result.results.filter((r) => r.outcome === 'failed');
  const conflicts = result.results.filter((r) => r.outcome === 'conflict');
  const lines: string[] = [];
  if (failed.length > 0) {
    lines.push(style.red(`Failed (${failed.length}), by cause:`));
    lines.push(
      ...formatFailureGroups(
        groupFailures(
          failed.map((r) => ({
            kind: r.kind,
            id: r.id,
            error: r.error?.cause ?? Object.assign(new Error(r.message), { name: r.error?.name }),
          })),
        ),
      ),
    );
  }
  if (conflicts.length > 0) {
    lines.push(
      style.red(
        `Changed on GitHub by someone else during the apply, not written (${conflicts.length}); plan again:`,
      ),
    );
    for (const r of conflicts) lines.push(`  ${r.kind} ${r.id}: ${r.message}`);
  }
  return lines;
}
