/**
 * What a route answers, before headers common to every response are added, and the error bodies
 * GitHub uses: `{message, documentation_url, status}` (OpenAPI `basic-error`; GitHub sends
 * `status` as a string) and, for 422, `errors: [...]` (OpenAPI `validation-error`).
 */
export interface HttpResult {
  readonly status: number;
  /** JSON body; undefined for 204 (and for 304, which the server derives). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export const REST_DOCS_URL = 'https://docs.github.com/rest';

export interface BasicErrorBody {
  message: string;
  documentation_url: string;
  status: string;
}

export interface ValidationErrorItem {
  resource: string;
  field?: string;
  code: 'missing_field' | 'invalid' | 'missing' | 'already_exists' | 'custom';
  message?: string;
  /** Never null: the OpenAPI `oneOf` for `value` rejects null (each branch is nullable). */
  value?: string | number | string[];
}

export function ok(body: unknown, status = 200): HttpResult {
  return { status, body };
}

export const noContent: HttpResult = { status: 204 };

export function basicError(
  status: number,
  message: string,
  documentationUrl: string = REST_DOCS_URL,
  headers?: Record<string, string>,
): HttpResult {
  const body: BasicErrorBody = {
    message,
    documentation_url: documentationUrl,
    status: String(status),
  };
  return { status, body, headers };
}

export function notFound(documentationUrl: string = REST_DOCS_URL): HttpResult {
  return basicError(404, 'Not Found', documentationUrl);
}

export function validationFailed(
  documentationUrl: string,
  errors: readonly ValidationErrorItem[],
  message = 'Validation Failed',
): HttpResult {
  return {
    status: 422,
    body: { message, errors, documentation_url: documentationUrl, status: '422' },
  };
}

/** GitHub's answer to a body that is not JSON at all. */
export function problemsParsingJson(documentationUrl: string): HttpResult {
  return basicError(400, 'Problems parsing JSON', documentationUrl);
}

export type JsonBody =
  | { readonly kind: 'object'; readonly value: Record<string, unknown> }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unparsable' }
  | { readonly kind: 'not-object'; readonly value: unknown };

/**
 * GitHub reads the body as JSON whatever the Content-Type says (`curl -d` sends
 * application/x-www-form-urlencoded and the documented samples still work), so the server keeps
 * the raw text and routes parse it here.
 */
export function parseJsonBody(raw: string | undefined): JsonBody {
  if (raw === undefined || raw.trim() === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'unparsable' };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { kind: 'object', value: value as Record<string, unknown> };
  }
  return { kind: 'not-object', value };
}

/**
 * The body as an object, or the error GitHub gives: 400 for text that is not JSON, 422 for JSON
 * that is not an object. An empty body reads as `{}` so required fields are reported as missing.
 */
export function requireObjectBody(
  raw: string | undefined,
  resource: string,
  documentationUrl: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: HttpResult } {
  const parsed = parseJsonBody(raw);
  switch (parsed.kind) {
    case 'object':
      return { ok: true, value: parsed.value };
    case 'empty':
      return { ok: true, value: {} };
    case 'unparsable':
      return { ok: false, error: problemsParsingJson(documentationUrl) };
    case 'not-object':
      return {
        ok: false,
        error: validationFailed(documentationUrl, [
          { resource, code: 'invalid', message: 'The request body must be a JSON object.' },
        ]),
      };
  }
}

/**
 * A value fit for the `value` of a validation error item: the OpenAPI `oneOf` allows a string or
 * an integer (never null, see above), so anything else is sent as its JSON text.
 */
export function errorValue(value: unknown): string | number | undefined {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)))
    return value;
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}
