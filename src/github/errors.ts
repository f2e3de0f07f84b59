/**
 * Typed GitHub errors. Each carries the status, the request (method and path, never a header, so
 * never the token), GitHub's own message and the request id GitHub support asks for.
 */

export interface RequestContext {
  readonly method: string;
  /** Path and query as sent, relative to the base URL's host. */
  readonly path: string;
}

export interface GitHubErrorDetails extends RequestContext {
  readonly status: number;
  readonly githubMessage: string;
  readonly requestId?: string;
  readonly documentationUrl?: string;
}

export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly githubMessage: string;
  readonly requestId?: string;
  readonly documentationUrl?: string;

  constructor(details: GitHubErrorDetails, explanation?: string) {
    const where = `${details.status} ${details.method} ${details.path}`;
    const id = details.requestId ? `, request id ${details.requestId}` : '';
    const said = details.githubMessage
      ? `GitHub said: "${details.githubMessage}"`
      : 'GitHub gave no message';
    super(`${explanation ? `${explanation} ` : ''}(${where}${id}) ${said}`);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.githubMessage = details.githubMessage;
    this.requestId = details.requestId;
    this.documentationUrl = details.documentationUrl;
  }
}

/** 401: the token is missing, wrong, revoked or expired. */
export class BadCredentialsError extends GitHubApiError {
  override name = 'BadCredentialsError';
  constructor(details: GitHubErrorDetails) {
    super(
      details,
      'GitHub rejected the credentials: check GITHUB_TOKEN (or the GitHub App settings) is set, valid and not expired.',
    );
  }
}

/** 403 without a rate-limit signal: the token's user or app lacks a permission. */
export class ForbiddenError extends GitHubApiError {
  override name = 'ForbiddenError';
  /** What is needed, e.g. `"Administration" repository permission (write)`. */
  readonly permissionNeeded: string;
  constructor(details: GitHubErrorDetails, permissionNeeded: string) {
    super(details, `Permission denied: this needs ${permissionNeeded}.`);
    this.permissionNeeded = permissionNeeded;
  }
}

export class NotFoundError extends GitHubApiError {
  override name = 'NotFoundError';
  constructor(details: GitHubErrorDetails) {
    super(
      details,
      'Not found: the organization, repository or user does not exist, or the token cannot see it.',
    );
  }
}

/** 405: the feature is switched off for this organization or repository. */
export class NotAvailableError extends GitHubApiError {
  override name = 'NotAvailableError';
  constructor(details: GitHubErrorDetails, what: string) {
    super(details, `Not available: ${what} is not available here.`);
  }
}

/**
 * 409 on a repository limit: an organization or user limit is in force and owns the repository's
 * limit, so it cannot be changed or removed there.
 * https://docs.github.com/rest/interactions/repos#set-interaction-restrictions-for-a-repository
 */
export class ShadowedLimitError extends GitHubApiError {
  override name = 'ShadowedLimitError';
  /** The scope the request was made on, e.g. `repo/acme/api`. */
  readonly scope: string;
  constructor(details: GitHubErrorDetails, scope: string) {
    super(
      details,
      `The interaction limit of ${scope} cannot be changed: a limit on its organization or user is in force. Change or remove that limit instead, or wait until it expires.`,
    );
    this.scope = scope;
  }
}

export interface GitHubValidationIssue {
  readonly resource?: string;
  readonly field?: string;
  readonly code: string;
  readonly message?: string;
  readonly value?: unknown;
}

/** 422: GitHub refused the request body. */
export class ValidationError extends GitHubApiError {
  override name = 'ValidationError';
  readonly errors: readonly GitHubValidationIssue[];
  constructor(details: GitHubErrorDetails, errors: readonly GitHubValidationIssue[]) {
    const listed = errors
      .map((e) => [e.field, e.message ?? e.code].filter(Boolean).join(': '))
      .filter(Boolean)
      .join('; ');
    super(details, `GitHub refused the request${listed ? ` (${listed})` : ''}.`);
    this.errors = errors;
  }
}

/**
 * 422 on a bypass-list addition with logins that are not GitHub users. GitHub refuses the whole
 * request without saying which login (reported by a project that manages the list); the logins
 * here were found afterwards with `GET /users/{login}`.
 */
export class UnknownLoginsError extends ValidationError {
  override name = 'UnknownLoginsError';
  /** The logins being added that GitHub has no user for. */
  readonly logins: readonly string[];
  constructor(cause: ValidationError, logins: readonly string[], repository: string) {
    super(
      {
        method: cause.method,
        path: cause.path,
        status: cause.status,
        githubMessage: cause.githubMessage,
        ...(cause.requestId !== undefined ? { requestId: cause.requestId } : {}),
        ...(cause.documentationUrl !== undefined
          ? { documentationUrl: cause.documentationUrl }
          : {}),
      },
      cause.errors,
    );
    this.logins = logins;
    const named =
      logins.length > 0
        ? `${logins.length === 1 ? 'this login is not a GitHub user' : 'these logins are not GitHub users'}: ${logins.join(', ')}`
        : 'every login being added exists on GitHub, so GitHub refused them for another reason';
    this.message = `GitHub refused the additions to the bypass list of ${repository}: ${named}. Nothing else was sent for ${repository}; fix the list and apply again. ${this.message}`;
  }
}

/** Primary or secondary rate limit, after the client has waited as long as it may. */
export class RateLimitedError extends GitHubApiError {
  override name = 'RateLimitedError';
  readonly kind: 'primary' | 'secondary';
  /** When the limit resets (primary) or when GitHub said to retry (secondary). */
  readonly resetAt?: Date;
  /**
   * False when the request was never sent: GitHub had already answered that this limit is
   * exhausted until `resetAt`, so sending it would only have been refused.
   */
  readonly sent: boolean;
  constructor(
    details: GitHubErrorDetails,
    kind: 'primary' | 'secondary',
    resetAt: Date | undefined,
    maxWaitSeconds: number,
    sent = true,
    /** GitHub's clock now, for "in N minutes". @default Date.now() */
    nowMs = Date.now(),
  ) {
    const when = resetAt
      ? ` It resets at ${resetAt.toISOString()}${inMinutes(resetAt, nowMs)}.`
      : '';
    super(
      details,
      `GitHub ${kind} rate limit exceeded and the wait would pass the cap of ${maxWaitSeconds}s spent waiting for rate limits (maxRateLimitWaitSeconds, --max-rate-limit-wait).${when} Run again after that, or raise the cap.${
        sent
          ? ''
          : ' This request was not sent: GitHub had already answered that the limit is used up.'
      }`,
    );
    this.kind = kind;
    this.resetAt = resetAt;
    this.sent = sent;
  }
}

/** " (in 42 minutes)", from now on the local clock; empty once past. */
export function inMinutes(at: Date, nowMs = Date.now()): string {
  const minutes = Math.ceil((at.getTime() - nowMs) / 60_000);
  if (!(minutes > 0)) return '';
  return ` (in ${minutes} minute${minutes === 1 ? '' : 's'})`;
}

/**
 * An apply that cannot finish inside what is left of the rate limit, refused before its first
 * write (so no change is left half done for want of units).
 */
export class RateLimitBudgetError extends Error {
  override name = 'RateLimitBudgetError';
  readonly needed: number;
  readonly remaining: number;
  readonly resetAt: Date;
  /** The wait that would let it finish, in seconds. */
  readonly waitSeconds: number;
  constructor(
    options: {
      needed: number;
      remaining: number;
      resetAt: Date;
      waitSeconds: number;
      maxWaitSeconds: number;
      /** What the units are for, e.g. "12 writes and 12 read-backs". */
      breakdown?: string;
      resource?: string;
    },
    nowMs = Date.now(),
  ) {
    const { needed, remaining, resetAt, waitSeconds } = options;
    super(
      `Nothing was written: this apply needs about ${needed} rate-limit unit${needed === 1 ? '' : 's'}${
        options.breakdown ? ` (${options.breakdown})` : ''
      } and GitHub has ${remaining} left${options.resource ? ` (${options.resource})` : ''} until it resets at ${resetAt.toISOString()}${inMinutes(resetAt, nowMs)}. ` +
        `Waiting for the reset would take about ${waitSeconds}s, more than the cap of ${options.maxWaitSeconds}s. ` +
        `Run it again after the reset, or pass --max-rate-limit-wait ${waitSeconds} (GH_INTERACTIONS_MAX_RATE_LIMIT_WAIT_SECONDS) to wait for it instead.`,
    );
    this.needed = needed;
    this.remaining = remaining;
    this.resetAt = resetAt;
    this.waitSeconds = waitSeconds;
  }
}

/** No HTTP answer at all: refused, reset, DNS, TLS, timed out. */
export class GitHubConnectionError extends Error {
  override name = 'GitHubConnectionError';
  readonly method: string;
  readonly path: string;
  constructor(context: RequestContext, baseUrl: string, cause: unknown, message?: string) {
    super(
      message ??
        `Cannot reach GitHub at ${baseUrl} (${context.method} ${context.path}): ${describeCause(cause)}. Check GITHUB_BASE_URL and the network.`,
    );
    this.method = context.method;
    this.path = context.path;
  }
}

/** A request with no whole answer within `requestTimeoutMs` (after its retries). */
export class RequestTimeoutError extends GitHubConnectionError {
  override name = 'RequestTimeoutError';
  readonly timeoutMs: number;
  constructor(context: RequestContext, baseUrl: string, timeoutMs: number, attempts: number) {
    super(
      context,
      baseUrl,
      undefined,
      `GitHub at ${baseUrl} did not answer ${context.method} ${context.path} within ${formatMs(timeoutMs)}${
        attempts > 1 ? ` (${attempts} attempts)` : ''
      }. Check GITHUB_BASE_URL and the network, or raise requestTimeoutMs (GH_INTERACTIONS_REQUEST_TIMEOUT_MS).`,
    );
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The circuit breaker is open: so many requests in a row failed (no answer, or 5xx) that the
 * client stopped sending. Every queued and later request fails with this at once.
 */
export class GitHubUnavailableError extends GitHubConnectionError {
  override name = 'GitHubUnavailableError';
  /** Failures in a row that opened the circuit. */
  readonly failures: number;
  constructor(
    context: RequestContext,
    baseUrl: string,
    failures: number,
    lastFailure: string,
    cause?: unknown,
  ) {
    // The same words for every request it stops, so a report can say it once.
    super(
      context,
      baseUrl,
      cause,
      `Stopped sending requests to GitHub at ${baseUrl}: ${failures} requests in a row failed, the last with: ${lastFailure}. ` +
        'The requests after it were not sent. Check GITHUB_BASE_URL, the network and https://www.githubstatus.com, then run again.',
    );
    this.failures = failures;
  }
}

/**
 * A write that got no answer (it timed out, or the connection dropped after it was sent). It may
 * have been applied: it is not retried blindly, and the caller reads the resource back.
 */
export class WriteOutcomeUnknownError extends GitHubConnectionError {
  override name = 'WriteOutcomeUnknownError';
  constructor(context: RequestContext, baseUrl: string, what: string, cause?: unknown) {
    super(
      context,
      baseUrl,
      cause,
      `GitHub at ${baseUrl} gave no answer to ${context.method} ${context.path} (${what}). The write may or may not have been applied, so it was not retried: plan again to see what GitHub holds.`,
    );
  }
}

/**
 * The run's deadline (`deadlineSeconds`, --deadline) passed: the request in flight was stopped
 * and every later one fails at once with this same error.
 */
export class DeadlineExceededError extends GitHubConnectionError {
  override name = 'DeadlineExceededError';
  readonly deadlineSeconds: number;
  /** `context`: the request it stopped first, if it was found checking one. */
  constructor(context: RequestContext | undefined, baseUrl: string, deadlineSeconds: number) {
    super(
      context ?? { method: '', path: '' },
      baseUrl,
      undefined,
      `The run's deadline of ${deadlineSeconds} s (deadlineSeconds, --deadline, GH_INTERACTIONS_DEADLINE_SECONDS) passed${
        context ? ` before ${context.method} ${context.path}` : ''
      }: the requests to ${baseUrl} still in flight or waiting were stopped, and none was sent after it. Raise the deadline, or plan fewer resources at once.`,
    );
    this.deadlineSeconds = deadlineSeconds;
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A cause chain in a few words: "fetch failed: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9". */
export function describeCause(cause: unknown): string {
  let current: unknown = cause;
  const parts: string[] = [];
  for (let depth = 0; current && depth < 4; depth++) {
    const err = current as { message?: string; code?: string; cause?: unknown };
    const text = [err.code, err.message].filter(Boolean).join(' ');
    if (text && !parts.includes(text)) parts.push(text);
    current = err.cause;
  }
  return parts.join(': ') || 'unknown error';
}
