import type { AttributePath, AttributePathStep, Diagnostic } from './messages';

/**
 * Diagnostics are how a provider reports problems to Terraform: an ERROR stops the operation, a
 * WARNING is shown and the run goes on. A diagnostic can point at an attribute, so Terraform
 * underlines the right part of the configuration.
 */

/**
 * One step of a path: an attribute name (string), a list or tuple index (number), or a map key
 * (`{ key }`), outermost first: `['rules', 0, { key: 'main' }, 'login']`.
 */
export type PathStep = string | number | { readonly key: string };

/** Builds a protocol AttributePath from friendly steps. */
export function attributePath(...steps: readonly PathStep[]): AttributePath {
  return { steps: steps.map(toProtocolStep) };
}

function toProtocolStep(step: PathStep): AttributePathStep {
  if (typeof step === 'string') return { attribute_name: step };
  if (typeof step === 'number') {
    if (!Number.isSafeInteger(step) || step < 0) {
      throw new RangeError(`An element index must be a whole number ≥ 0; received ${step}`);
    }
    return { element_key_int: step };
  }
  return { element_key_string: step.key };
}

/** An ERROR diagnostic, optionally attached to an attribute path. */
export function errorDiagnostic(
  summary: string,
  detail = '',
  path?: readonly PathStep[] | AttributePath,
): Diagnostic {
  return diagnostic('ERROR', summary, detail, path);
}

/** A WARNING diagnostic, optionally attached to an attribute path. */
export function warningDiagnostic(
  summary: string,
  detail = '',
  path?: readonly PathStep[] | AttributePath,
): Diagnostic {
  return diagnostic('WARNING', summary, detail, path);
}

function diagnostic(
  severity: 'ERROR' | 'WARNING',
  summary: string,
  detail: string,
  path: readonly PathStep[] | AttributePath | undefined,
): Diagnostic {
  const result: Diagnostic = { severity, summary, detail };
  if (path === undefined) return result;
  return { ...result, attribute: 'steps' in path ? path : attributePath(...path) };
}

export function hasErrors(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return (diagnostics ?? []).some((d) => d.severity === 'ERROR' || d.severity === 1);
}

/**
 * Thrown by a handler to answer with these diagnostics (at least one ERROR) instead of a
 * response. Anything else a handler throws becomes one generic ERROR diagnostic.
 */
export class DiagnosticsError extends Error {
  override readonly name = 'DiagnosticsError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: Diagnostic | readonly Diagnostic[]) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map((d) => d.summary + (d.detail ? `: ${d.detail}` : '')).join('; '));
    this.diagnostics = list;
  }
}

/**
 * The diagnostics that stand for an exception thrown by a handler of `method`: its own
 * diagnostics for a DiagnosticsError, otherwise one ERROR whose detail is the error's message.
 */
export function diagnosticsFromError(error: unknown, method: string): Diagnostic[] {
  if (error instanceof DiagnosticsError) return [...error.diagnostics];
  return [errorDiagnostic(`Unexpected error in ${method}`, describeError(error))];
}

/** `Name: message` for errors (the bare message for plain Errors), the value for anything else. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  }
  return typeof error === 'string' ? error : String(error);
}
