import type { z } from 'zod';
import { GitHubApiError } from './errors';

/**
 * Every answer the client reads is checked against the shape GitHub documents for it (the
 * OpenAPI description in @octokit/openapi) before anything is made of it. Behind a proxy or a
 * captive portal a request can be answered 200 with an HTML sign-in page, a truncated body or
 * someone else's JSON; read without a check that became "no limit", "empty list" or "cap off",
 * so `drift` reported clean and `plan` planned from state GitHub never had. Now it is an
 * `UnexpectedAnswerError` naming the request, and never a state.
 */

/** What a checked answer needs of an Octokit response. */
export interface AnswerLike {
  readonly status: number;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
  readonly data: unknown;
}

export interface UnexpectedAnswerDetails {
  readonly method: string;
  /** Path and query as sent (never a header, so never the token). */
  readonly path: string;
  readonly status: number;
  /** The `Content-Type` header as answered, or undefined when there was none. */
  readonly contentType?: string;
  /** What was wrong, e.g. `[limit] expected one of …` or `the body is not JSON`. */
  readonly problem: string;
  /** What GitHub sends there, e.g. `an interaction-limit object ({} when there is none)`. */
  readonly expected: string;
}

/**
 * A 2xx answer that is not what GitHub sends for this request: not JSON, or JSON of the wrong
 * shape. The message names the request, the status, the content type and the first problem;
 * never the body (an HTML page is summarised by its title).
 */
export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType?: string;
  readonly problem: string;
  readonly expected: string;

  constructor(details: UnexpectedAnswerDetails) {
    super(
      `The answer to ${details.method} ${details.path} (${details.status}, content type ${details.contentType ?? 'none'}) ` +
        `is not what GitHub sends: expected ${details.expected}; ${details.problem}. It was not used. ` +
        'Something other than GitHub may be answering (a proxy, a captive portal, a wrong GITHUB_BASE_URL): check GITHUB_BASE_URL and the network.',
    );
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.contentType = details.contentType;
    this.problem = details.problem;
    this.expected = details.expected;
  }
}

/**
 * The answer's body as `schema` reads it, or UnexpectedAnswerError. `expected` says in words what
 * GitHub sends there (for the message).
 */
export function checkAnswer<T>(
  schema: z.ZodType<T>,
  response: AnswerLike,
  expected: string,
  method = 'GET',
): T {
  const notJson = describeNonJson(response);
  if (notJson) throw unexpected(response, method, expected, notJson);
  const parsed = schema.safeParse(response.data);
  if (parsed.success) return parsed.data;
  throw unexpected(response, method, expected, describeIssue(parsed.error.issues[0]));
}

/** The error `checkAnswer` throws, for checks zod cannot express alone. */
export function unexpected(
  response: AnswerLike,
  method: string,
  expected: string,
  problem: string,
): UnexpectedAnswerError {
  const contentType = response.headers['content-type'];
  return new UnexpectedAnswerError({
    method,
    path: pathOfUrl(response.url),
    status: response.status,
    ...(contentType !== undefined ? { contentType: String(contentType) } : {}),
    problem,
    expected,
  });
}

/**
 * Octokit parses a body as JSON only when the content type says JSON, and hands back the text
 * when it does not (or when the JSON does not parse), an ArrayBuffer for binary types.
 */
function describeNonJson(response: AnswerLike): string | undefined {
  const data = response.data;
  const contentType = String(response.headers['content-type'] ?? '');
  const saysJson = /^application\/(scim\+)?json\b/i.test(contentType.trim());
  if (typeof data === 'string') {
    const what = summarizeText(data);
    return saysJson
      ? `the body is not valid JSON although its content type says so (${what})`
      : `the body is not JSON (${what})`;
  }
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return `the body is not JSON (${byteLength(data)} bytes of ${contentType || 'an unnamed type'})`;
  }
  if (data === undefined && !saysJson) return 'the answer has no body';
  return undefined;
}

function byteLength(data: ArrayBuffer | ArrayBufferView): number {
  return data.byteLength;
}

/** `[owner.login] expected string, received undefined` from a zod issue. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'its shape is wrong';
  const path = formatPath(issue.path);
  return `${path ? `[${path}] ` : ''}${issue.message.replace(/^Invalid input: /, '')}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Path and query of a URL, as errors name requests. */
export function pathOfUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** At most this many characters of a text body are quoted. */
export const BODY_SUMMARY_MAX_CHARS = 200;

/**
 * A body in a few words for people: GitHub's JSON error (`message`, and its `documentation_url`),
 * an HTML page by its `<title>`, or the first BODY_SUMMARY_MAX_CHARS characters of text. Never a
 * whole page: a proxy's error page can be kilobytes of markup.
 */
export function summarizeErrorBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return 'no body';
  if (typeof body === 'string') return summarizeText(body);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return `a body of ${byteLength(body)} bytes that is not text`;
  }
  if (typeof body === 'object') {
    const { message, documentation_url: docs } = body as {
      message?: unknown;
      documentation_url?: unknown;
    };
    if (typeof message === 'string') {
      return `"${clip(message)}"${typeof docs === 'string' ? ` (see ${docs})` : ''}`;
    }
    return `JSON without a message: ${clip(JSON.stringify(body) ?? '')}`;
  }
  return clip(String(body));
}

function summarizeText(text: string): string {
  const trimmed = text.trim();
  if (/^<!doctype html|^<html|<head[\s>]|<body[\s>]|<title[\s>]/i.test(trimmed.slice(0, 2000))) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(trimmed)?.[1];
    const cleaned = title ? decodeEntities(title).replace(/\s+/g, ' ').trim() : '';
    return cleaned ? `an HTML page titled "${clip(cleaned)}"` : 'an HTML page without a title';
  }
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object') return summarizeErrorBody(parsed);
    } catch {
      // Not JSON after all: quoted as text below.
    }
  }
  return `"${clip(trimmed.replace(/\s+/g, ' '))}"`;
}

function clip(text: string): string {
  return text.length > BODY_SUMMARY_MAX_CHARS
    ? `${text.slice(0, BODY_SUMMARY_MAX_CHARS)}… (${text.length} characters)`
    : text;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, code: string) => {
    if (!code.startsWith('#')) return named[code.toLowerCase()] ?? whole;
    const point = /^#x/i.test(code) ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}

/**
 * An error's message for people. A GitHub error whose message quotes a whole body (an HTML error
 * page from a proxy, kilobytes of text) has that quote replaced by its summary; any other
 * message is returned as it is.
 */
export function readableErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!(error instanceof GitHubApiError)) return error.message;
  const said = error.githubMessage;
  if (!said || (said.length <= BODY_SUMMARY_MAX_CHARS && !/<[a-z!/][^>]*>/i.test(said))) {
    return error.message;
  }
  const quoted = `GitHub said: "${said}"`;
  const summary = `the answer was ${summarizeErrorBody(said)}`;
  return error.message.includes(quoted)
    ? error.message.replace(quoted, summary)
    : error.message.replace(said, summary);
}
