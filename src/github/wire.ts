import { RequestError } from '@octokit/request-error';
import type { CachedResponse } from './etag-cache';

/**
 * The wire under the transport (transport.ts): a request as Octokit hands it to its request hook,
 * expanded, sent with `fetch` and read back into the answer object Octokit's own fetch wrapper
 * gives, without that wrapper's cost. Used for token auth; GitHub App auth goes through Octokit's
 * pipeline, whose auth strategy fetches and refreshes installation tokens.
 */

/** A request as Octokit's request hook receives it: merged, not yet expanded. */
export interface RequestOptions {
  method: string;
  url: string;
  headers: Record<string, string>;
  request?: { signal?: AbortSignal; fetch?: typeof fetch; [key: string]: unknown };
  query?: unknown;
  [key: string]: unknown;
}

/** A request after expansion (Octokit's `endpoint.parse`): the URL, the body picked. */
export interface ParsedOptions {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** An answer, as Octokit gives it. */
export interface WireResponse {
  status: number;
  url: string;
  headers: Record<string, string | undefined>;
  data: unknown;
}

/** Options of a request that are not its parameters (Octokit's `parse` omits the same). */
const NOT_PARAMETERS = new Set(['method', 'baseUrl', 'url', 'headers', 'request', 'mediaType']);
const SIMPLE_TEMPLATE = /^\/[\w.\-/]*(?:\{\w+\}[\w.\-/]*)*$/;
/** Templates seen, split at their `{name}`s: ['/repos/', 'owner', '/', 'repo', '/…']. */
const templates = new Map<string, string[] | null>();

/**
 * What Octokit's `endpoint.parse` gives, for the routes this client sends: a path template whose
 * only variables are `{name}`s, string, number or boolean parameters, no media-type format or
 * previews, no `q` or `data` parameter. Anything else returns undefined and goes to Octokit's
 * `parse`. The same encoding (RFC 6570 simple expansion for the path, `encodeURIComponent` for
 * the query), the same body and content type; test/github/direct-send.test.ts compares the two.
 * Octokit's parse is generic (any RFC 6570 template), at about 15 µs a request.
 */
export function expandSimpleRoute(options: RequestOptions): ParsedOptions | undefined {
  const mediaType = options.mediaType as { format?: string; previews?: unknown[] } | undefined;
  if (mediaType?.format || mediaType?.previews?.length) return undefined;
  const template = options.url;
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = SIMPLE_TEMPLATE.test(template) ? template.split(/\{(\w+)\}/) : null;
    if (templates.size < 1000) templates.set(template, parts);
  }
  if (!parts) return undefined;
  const used = new Set<string>();
  let path = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = options[parts[i]];
    if (value !== undefined) {
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
      path += encodeUnreserved(String(value));
    }
    used.add(parts[i]);
    path += parts[i + 1];
  }
  const method = options.method.toUpperCase();
  const rest: Record<string, unknown> = {};
  let restCount = 0;
  for (const key of Object.keys(options)) {
    if (NOT_PARAMETERS.has(key) || used.has(key)) continue;
    const value = options[key];
    const type = typeof value;
    if (key === 'q' || key === 'data') return undefined;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') {
      // Objects and arrays go in a JSON body as they are; in a query Octokit's rules apply.
      if (method === 'GET' || method === 'HEAD') return undefined;
    }
    rest[key] = value;
    restCount++;
  }
  let url = `${String(options.baseUrl)}${path}`;
  const headers = { ...options.headers };
  let body: unknown;
  if (method === 'GET' || method === 'HEAD') {
    if (restCount > 0) {
      url += `${url.includes('?') ? '&' : '?'}${Object.keys(rest)
        .map((key) => `${key}=${encodeURIComponent(rest[key] as string)}`)
        .join('&')}`;
    }
  } else if (restCount > 0) {
    body = rest;
  }
  if (!headers['content-type'] && body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  if ((method === 'PATCH' || method === 'PUT') && body === undefined) body = '';
  return body === undefined ? { method, url, headers } : { method, url, headers, body };
}

/** RFC 6570 simple expansion of a value, as Octokit's url-template encodes it. */
function encodeUnreserved(value: string): string {
  const encoded = encodeURIComponent(value);
  return RESERVED_BY_RFC3986.test(encoded)
    ? encoded.replace(
        RESERVED_BY_RFC3986_ALL,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      )
    : encoded;
}
/** What `encodeURIComponent` leaves alone but RFC 6570 encodes. */
const RESERVED_BY_RFC3986 = /[!'()*]/;
const RESERVED_BY_RFC3986_ALL = /[!'()*]/g;

/**
 * A request's headers with its credential and, for a revalidation, `If-None-Match`, set on the
 * parsed options' own headers object (a copy made for this request by the parse).
 */
export function withCredentials(
  headers: Record<string, string>,
  authorization: string | undefined,
  etag: string | undefined,
): Record<string, string> {
  if (authorization) headers.authorization = authorization;
  if (etag) headers['if-none-match'] = etag;
  return headers;
}

/**
 * One attempt, straight to `fetch`, with what Octokit's own fetch wrapper gives back: the same
 * answer object, `RequestError` for a 4xx or 5xx (and a 304 nobody asked for), and for a failed
 * connection a status-500 `RequestError` whose `cause` is fetch's error. A 304 to a conditional
 * GET comes back as an answer: no error object, no stack, for the commonest answer of a warm
 * plan. Octokit's pipeline costs about 0.07 ms a request (two URL merges and parses, the auth
 * hook, content-type parsing); this is the transport's hot path.
 */
export async function sendDirect(
  parsed: ParsedOptions,
  headers: Record<string, string>,
  signal: AbortSignal,
  fetchImpl: typeof fetch | undefined,
  warn: (message: string) => void,
): Promise<WireResponse> {
  const requestOptions = { method: parsed.method, url: parsed.url, headers, request: { signal } };
  const body =
    parsed.body === undefined || typeof parsed.body === 'string'
      ? parsed.body
      : JSON.stringify(parsed.body);
  let answer: globalThis.Response;
  try {
    answer = await (fetchImpl ?? fetch)(parsed.url, {
      method: parsed.method,
      headers,
      body,
      signal,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') {
      throw Object.assign(error, { status: 500 });
    }
    let message = error instanceof Error ? error.message : 'Unknown Error';
    if (error instanceof Error && error.cause instanceof Error) message = error.cause.message;
    throw new RequestError(message, 500, { request: requestOptions as never, cause: error });
  }
  const status = answer.status;
  const responseHeaders: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const response: WireResponse = { status, url: answer.url, headers: responseHeaders, data: '' };
  if ('deprecation' in responseHeaders) {
    warn(
      `"${parsed.method} ${parsed.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}`,
    );
  }
  if (status === 204 || status === 205) return response;
  if (status === 304 && 'if-none-match' in headers) return response;
  if (parsed.method !== 'HEAD') response.data = await readBody(answer);
  if (status === 304 || status >= 400) {
    throw new RequestError(
      status === 304 ? 'Not modified' : errorMessage(response.data, answer.statusText),
      status,
      { response: response as never, request: requestOptions as never },
    );
  }
  return response;
}

/** JSON (`application/json`, `…+json`) parsed, anything else as text, as Octokit reads it. */
async function readBody(answer: globalThis.Response): Promise<unknown> {
  const text = await answer.text();
  const type = answer.headers.get('content-type');
  const mime = type?.split(';', 1)[0].trim().toLowerCase();
  if (mime !== 'application/json' && !mime?.endsWith('+json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The message Octokit gives a `RequestError`: GitHub's own, its details and its link. */
function errorMessage(data: unknown, statusText: string): string {
  if (typeof data === 'string') return data || statusText;
  const body = data as { message?: unknown; errors?: unknown; documentation_url?: unknown } | null;
  if (!body || typeof body !== 'object' || !('message' in body)) {
    return `Unknown error: ${JSON.stringify(data)}`;
  }
  const suffix = 'documentation_url' in body ? ` - ${String(body.documentation_url)}` : '';
  const details = Array.isArray(body.errors)
    ? `: ${body.errors.map((e) => JSON.stringify(e)).join(', ')}`
    : '';
  return `${String(body.message)}${details}${suffix}`;
}

/**
 * The cached answer for a 304: its body, the 304's headers (rate limit, date) and, where the 304
 * has none, the kept ones (etag, link, content-type). `headers` is this attempt's own object.
 */
export function fromCache(
  cached: CachedResponse,
  url: string,
  headers: Record<string, string | undefined>,
): WireResponse {
  for (const name in cached.headers) headers[name] ??= cached.headers[name];
  return { status: 200, url, headers, data: cached.data };
}
