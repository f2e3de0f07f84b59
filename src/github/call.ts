import type { GitHubClient } from './client';
import type { GitHubErrorDetails, GitHubValidationIssue } from './errors';
import { rateLimitSignal } from './rate-limits';
import {
  BadCredentialsError,
  ForbiddenError,
  GitHubApiError,
  GitHubConnectionError,
  NotAvailableError,
  NotFoundError,
  RateLimitedError,
  ShadowedLimitError,
  ValidationError,
} from './errors';

/** What an endpoint needs, so an error can say what to fix. */
export interface EndpointContext {
  /** e.g. `the "Administration" repository permission (read)` */
  readonly permission: string;
  /** Resource id of the scope (`repo/acme/api`), named by 409 errors. */
  readonly scope?: string;
  /** Named by 405 errors, e.g. `the pull-request creation cap of acme/api`. */
  readonly feature?: string;
}

export const ADMINISTRATION_READ =
  'admin rights on the repository (fine-grained tokens and GitHub Apps: the "Administration" repository permission, read)';
export const ADMINISTRATION_WRITE =
  'admin rights on the repository (fine-grained tokens and GitHub Apps: the "Administration" repository permission, write)';
export const ORGANIZATION_OWNER =
  'an organization owner (fine-grained tokens and GitHub Apps: the "Administration" organization permission, write)';
export const USER_TOKEN =
  'a token of the user whose repositories are limited (GitHub App installation tokens cannot call /user endpoints)';

/** Runs one request and turns every failure into a typed error. */
export async function callGitHub<T>(
  client: GitHubClient,
  context: EndpointContext,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateError(client, context, error);
  }
}

interface OctokitLikeError {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: {
    headers?: Record<string, string | undefined>;
    data?: unknown;
  };
  cause?: unknown;
}

export function translateError(
  client: GitHubClient,
  context: EndpointContext,
  error: unknown,
): Error {
  if (error instanceof GitHubApiError || error instanceof GitHubConnectionError) return error;
  const e = error as OctokitLikeError;
  if (!e || typeof e !== 'object' || !e.request) return error as Error;
  const request = {
    method: e.request.method ?? 'GET',
    path: pathOf(e.request.url ?? '', client.baseUrl),
  };
  if (!e.response) return new GitHubConnectionError(request, client.baseUrl, e.cause ?? error);

  const headers = e.response.headers ?? {};
  const body = (e.response.data ?? {}) as {
    message?: string;
    documentation_url?: string;
    errors?: GitHubValidationIssue[];
  };
  const status = e.status ?? 0;
  const details: GitHubErrorDetails = {
    ...request,
    status,
    githubMessage: typeof body.message === 'string' ? body.message : (e.message ?? ''),
    requestId: headers['x-github-request-id'],
    documentationUrl: body.documentation_url,
  };
  // https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
  const limited = rateLimitSignal(status, headers, details.githubMessage);
  if (limited?.kind === 'secondary') {
    const after = limited.retryAfterSeconds;
    const resetAt =
      after !== undefined && after > 0
        ? new Date(client.now().getTime() + after * 1000)
        : undefined;
    return new RateLimitedError(
      details,
      'secondary',
      resetAt,
      client.rateLimitWait.maxSeconds,
      true,
      client.now().getTime(),
    );
  }
  if (limited?.kind === 'primary') {
    const reset = limited.resetSeconds;
    const resetAt = reset !== undefined && reset > 0 ? new Date(reset * 1000) : undefined;
    return new RateLimitedError(
      details,
      'primary',
      resetAt,
      client.rateLimitWait.maxSeconds,
      true,
      client.now().getTime(),
    );
  }
  switch (status) {
    case 401:
      return new BadCredentialsError(details);
    case 403:
      return new ForbiddenError(details, context.permission);
    case 404:
      return new NotFoundError(details);
    case 405:
      return new NotAvailableError(details, context.feature ?? 'this endpoint');
    case 409:
      return new ShadowedLimitError(details, context.scope ?? request.path);
    case 422:
      return new ValidationError(details, Array.isArray(body.errors) ? body.errors : []);
    default:
      return new GitHubApiError(details);
  }
}

function pathOf(url: string, baseUrl: string): string {
  try {
    const parsed = new URL(url, baseUrl);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
