import * as core from '@actions/core';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Change, Plan, UnreadableResource } from '../core';
import { pendingChanges } from '../core';

/**
 * `drift --format github`: what the GitHub Actions runner reads, written with @actions/core, which
 * speaks to the runner through the process: workflow commands on the process's stdout, the job
 * summary in the file the process's `GITHUB_STEP_SUMMARY` names. A `CliIO` does not redirect them.
 */

export interface AnnotationOptions {
  /** The directory relative policy file names are relative to. */
  readonly cwd: string;
  /** `GITHUB_WORKSPACE`: the checkout, which the pull request's file names are relative to. */
  readonly workspace?: string;
}

/**
 * A workflow annotation at the line that declares the change:
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-a-warning-message
 * Blocked changes are errors (they need a person); the rest are warnings (the next apply heals them).
 */
export function annotate(change: Change, options: AnnotationOptions): void {
  const message = [
    ...change.reasons.map((r) => `${r.type}: ${r.message}`),
    change.remedy ? `To do: ${change.remedy}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const properties: core.AnnotationProperties = {
    title: `${change.kind} ${change.id}: ${change.action}`,
    ...annotationPlace(change.source, options),
  };
  if (change.action === 'blocked') core.error(message, properties);
  else core.warning(message, properties);
}

/**
 * An error annotation at the line that declares a resource GitHub could not be read for
 * (`--skip-unreadable`): it is not in the plan, so nothing says whether it drifted.
 */
export function annotateUnreadable(resource: UnreadableResource, options: AnnotationOptions): void {
  core.error(`not read from GitHub, so not checked: ${resource.reason}`, {
    title: `${resource.kind} ${resource.id}: unreadable`,
    ...annotationPlace(resource.source, options),
  });
}

/** Where an annotation goes: the declaring file (as the pull request names it) and line. */
export function annotationPlace(
  source: string | undefined,
  options: AnnotationOptions,
): Pick<core.AnnotationProperties, 'file' | 'startLine' | 'startColumn'> {
  const where = parseSource(source);
  return where
    ? { file: workspacePath(where.file, options), startLine: where.line, startColumn: where.column }
    : {};
}

/**
 * The file as GitHub names it in the pull request, relative to the workspace (with `/`), so the
 * annotation attaches to the file. A file outside the workspace is named as written: GitHub could
 * not attach it to any file, and the path still tells the reader which one it is.
 */
export function workspacePath(file: string, options: AnnotationOptions): string {
  if (!options.workspace) return file;
  // Real paths: the working directory may be reached through a symbolic link the workspace is not.
  const inWorkspace = relative(realPath(options.workspace), realPath(resolve(options.cwd, file)));
  const outside =
    inWorkspace === '' ||
    inWorkspace === '..' ||
    inWorkspace.startsWith(`..${sep}`) ||
    isAbsolute(inWorkspace);
  return outside ? file : inWorkspace.split(sep).join('/');
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** `file:line:column` (as the policy loader writes `source`); the file may contain colons. */
export function parseSource(source: string | undefined) {
  const match = source?.match(/^(.+?):(\d+)(?::(\d+))?$/);
  return match
    ? { file: match[1], line: Number(match[2]), column: match[3] ? Number(match[3]) : undefined }
    : undefined;
}

/** Appends the drift table to the job summary, when the runner offers one. */
export async function appendStepSummary(plan: Plan, policyFile: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.emptyBuffer().addRaw(markdownSummary(plan, policyFile)).write();
}

export function markdownSummary(plan: Plan, policyFile: string): string {
  const drifted = pendingChanges(plan);
  const lines = [
    `## gh-interactions drift: ${policyFile}`,
    '',
    drifted.length === 0
      ? `No drift: ${plan.changes.length} resources are as declared (GitHub's clock ${plan.createdAt}).`
      : `${drifted.length} of ${plan.changes.length} resources drifted (GitHub's clock ${plan.createdAt}).`,
    '',
  ];
  if (drifted.length > 0) {
    lines.push('| resource | action | why | to do |', '|---|---|---|---|');
    for (const change of drifted) {
      const why = change.reasons.map((r) => `**${r.type}**: ${r.message}`).join('<br>');
      lines.push(
        `| ${change.kind} \`${change.id}\` | ${change.action} | ${cell(why)} | ${cell(change.remedy ?? '')} |`,
      );
    }
    lines.push('');
  }
  const unreadable = plan.unreadable ?? [];
  if (unreadable.length > 0) {
    lines.push(
      `**Not checked:** ${unreadable.length} declared resource${unreadable.length === 1 ? '' : 's'} could not be read from GitHub (or depend on one that could not):`,
      '',
      '| resource | why |',
      '|---|---|',
      ...unreadable.map((r) => `| ${r.kind} \`${r.id}\` | ${cell(r.reason)} |`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}
