import {
  DiagnosticsError,
  attributePath,
  diagnosticsFromError,
  errorDiagnostic,
  hasErrors,
  warningDiagnostic,
} from '../../../src/terraform/protocol';

describe('diagnostics', () => {
  it('builds an attribute path from names, indexes and map keys', () => {
    expect(attributePath('rules', 0, { key: 'main' }, 'login')).toEqual({
      steps: [
        { attribute_name: 'rules' },
        { element_key_int: 0 },
        { element_key_string: 'main' },
        { attribute_name: 'login' },
      ],
    });
  });

  it('refuses an index that is not a whole number ≥ 0, naming it', () => {
    expect(() => attributePath('rules', -1)).toThrow('received -1');
    expect(() => attributePath('rules', 1.5)).toThrow('received 1.5');
  });

  it('makes errors and warnings with summary, detail and path', () => {
    expect(errorDiagnostic('Invalid limit', 'expected one of …', ['limit'])).toEqual({
      severity: 'ERROR',
      summary: 'Invalid limit',
      detail: 'expected one of …',
      attribute: { steps: [{ attribute_name: 'limit' }] },
    });
    expect(warningDiagnostic('Expiring soon')).toEqual({
      severity: 'WARNING',
      summary: 'Expiring soon',
      detail: '',
    });
    const path = attributePath('a');
    expect(errorDiagnostic('x', '', path).attribute).toBe(path);
  });

  it('tells whether any diagnostic is an error', () => {
    expect(hasErrors([warningDiagnostic('w')])).toBe(false);
    expect(hasErrors([warningDiagnostic('w'), errorDiagnostic('e')])).toBe(true);
    expect(hasErrors(undefined)).toBe(false);
  });

  it('turns a thrown DiagnosticsError into its own diagnostics', () => {
    const diagnostics = [errorDiagnostic('Shadowed', 'the org limit wins', ['repository'])];
    const error = new DiagnosticsError(diagnostics);
    expect(error.message).toBe('Shadowed: the org limit wins');
    expect(diagnosticsFromError(error, 'PlanResourceChange')).toEqual(diagnostics);
  });

  it('turns any other exception into one error naming the method and the message', () => {
    class NotFoundError extends Error {
      override name = 'NotFoundError';
    }
    expect(diagnosticsFromError(new NotFoundError('no such repo'), 'ReadResource')).toEqual([
      {
        severity: 'ERROR',
        summary: 'Unexpected error in ReadResource',
        detail: 'NotFoundError: no such repo',
      },
    ]);
    expect(diagnosticsFromError('plain text', 'ReadResource')[0]?.detail).toBe('plain text');
  });
});
