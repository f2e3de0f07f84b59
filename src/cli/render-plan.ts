import type { Action, Change, Plan, Reason } from '../core';
import { anyKindContract } from '../core';
import type { Style } from './io';

const SYMBOLS: Record<Action, string> = {
  create: '+',
  update: '~',
  renew: '>',
  delete: '-',
  blocked: '!',
  none: ' ',
};

const VERBS: Record<Action, string> = {
  create: 'will be created',
  update: 'will be updated',
  renew: 'will be renewed',
  delete: 'will be removed',
  blocked: 'is blocked and will not be written',
  none: 'is up to date',
};

function paint(style: Style, action: Action, text: string): string {
  switch (action) {
    case 'create':
    case 'renew':
      return style.green(text);
    case 'update':
      return style.yellow(text);
    case 'delete':
    case 'blocked':
      return style.red(text);
    default:
      return text;
  }
}

/** A human-readable plan in the style of `terraform plan`. */
export function renderPlan(plan: Plan, style: Style, heading = 'plan'): string {
  const pending = plan.changes.filter((c) => c.action !== 'none');
  const lines: string[] = [];
  if (pending.length === 0) {
    lines.push(
      style.green(
        `No changes. ${plan.changes.length} resource${plural(plan.changes.length)} match${
          plan.changes.length === 1 ? 'es' : ''
        } the ${heading === 'drift' ? 'declaration' : 'policy'}.`,
      ),
    );
  } else {
    lines.push(
      heading === 'drift'
        ? 'Drift found: GitHub differs from the declaration.'
        : 'gh-interactions will perform the following actions:',
    );
    lines.push(
      style.dim(
        `  (GitHub's clock: ${plan.createdAt}; symbols: + create  ~ update  > renew  - remove  ! blocked)`,
      ),
    );
    for (const change of pending) lines.push('', ...renderChange(change, style));
  }
  for (const change of plan.changes.filter((c) => c.action === 'none' && c.notes.length > 0)) {
    lines.push('', `  ${describe(change)}: ${change.notes.join(' ')}`);
  }
  lines.push('', summaryLine(plan, style));
  return lines.join('\n');
}

/**
 * One line per pending change (what `apply --yes` prints before writing: the reasons in full are
 * what `plan` and `drift` are for, and a transcript that just showed them need not repeat them).
 */
export function renderPlanCompact(plan: Plan, style: Style): string {
  const pending = plan.changes.filter((c) => c.action !== 'none');
  if (pending.length === 0) return renderPlan(plan, style);
  const lines = pending.map((change) => {
    const why = [...new Set(change.reasons.map((r) => r.type.replace(/_/g, ' ')))].join(', ');
    const symbol = paint(style, change.action, SYMBOLS[change.action]);
    return `${symbol} ${describe(change)} ${paint(style, change.action, VERBS[change.action])}${why ? ` (${why})` : ''}`;
  });
  return [...lines, '', summaryLine(plan, style)].join('\n');
}

export function renderChange(change: Change, style: Style): string[] {
  const symbol = paint(style, change.action, SYMBOLS[change.action]);
  const lines = [
    `${symbol} ${style.bold(describe(change))} ${paint(style, change.action, VERBS[change.action])}`,
  ];
  if (change.source) lines.push(style.dim(`    declared at ${change.source}`));
  lines.push(...stateLines(change).map((l) => `    ${l}`));
  for (const reason of change.reasons)
    lines.push(`    ${style.cyan('why:')} ${reasonText(reason)}`);
  for (const note of change.notes) lines.push(`    note: ${note}`);
  for (const warning of change.warnings) lines.push(`    ${style.yellow('warning:')} ${warning}`);
  if (change.remedy) lines.push(`    ${style.yellow('to do:')} ${change.remedy}`);
  return lines;
}

export function describe(change: Change): string {
  return `${change.kind} ${change.id}`;
}

function stateLines(change: Change): string[] {
  const described = anyKindContract(change.kind).describeChange(change);
  return [`now:  ${described.before}`, `then: ${described.after}`, ...described.details];
}

function reasonText(reason: Reason): string {
  return `${reason.type.replace(/_/g, ' ')}: ${reason.message}`;
}

export function summaryLine(plan: Plan, style: Style): string {
  const s = plan.summary;
  const text =
    `Plan: ${s.create} to create, ${s.update} to update, ${s.renew} to renew, ${s.delete} to remove, ` +
    `${s.blocked} blocked, ${s.none} unchanged.`;
  return style.bold(text);
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
