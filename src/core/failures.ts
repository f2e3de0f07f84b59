import { readableErrorMessage } from '../github';

/** Resource ids shown per cause before "and N more". */
export const IDS_SHOWN_PER_CAUSE = 3;

/** Failures with the same cause (same error type, status and message), with the resources. */
export interface FailureGroup {
  /** The message without the request, shared by every resource of the group. */
  readonly cause: string;
  /** The first resource's whole message (with its request). */
  readonly message: string;
  readonly status?: number;
  /** `KIND ID` of every resource with this cause, in order. */
  readonly resources: readonly string[];
}

/**
 * Groups per-resource errors by cause: 400 identical 403s are one cause with 400 resources.
 * The cause is the error's message for people (an HTML page summarised) without the request it
 * was made for, so the same refusal on different paths is one cause.
 */
export function groupFailures(
  failures: readonly { readonly kind: string; readonly id: string; readonly error: unknown }[],
): FailureGroup[] {
  return groupByCause(
    failures.map((failure) => ({
      resource: `${failure.kind} ${failure.id}`,
      ...describeFailure(failure.error),
    })),
  );
}

/** Items already described (`describeFailure`), grouped by their `key`, in first-seen order. */
export function groupByCause(
  items: readonly {
    readonly resource: string;
    readonly key: string;
    readonly cause: string;
    readonly message: string;
    readonly status?: number;
  }[],
): FailureGroup[] {
  const groups = new Map<string, FailureGroup & { resources: string[] }>();
  for (const item of items) {
    const group = groups.get(item.key) ?? {
      cause: item.cause,
      message: item.message,
      ...(item.status !== undefined ? { status: item.status } : {}),
      resources: [],
    };
    group.resources.push(item.resource);
    groups.set(item.key, group);
  }
  return [...groups.values()];
}

/**
 * One line per cause: the first IDS_SHOWN_PER_CAUSE resources, how many there are, and the
 * cause; a cause of one resource is that resource's whole message.
 */
export function formatFailureGroups(groups: readonly FailureGroup[], indent = '  '): string[] {
  return groups.map((group) => {
    const shown = group.resources.slice(0, IDS_SHOWN_PER_CAUSE).join(', ');
    const more = group.resources.length - IDS_SHOWN_PER_CAUSE;
    const who =
      group.resources.length === 1
        ? shown
        : `${group.resources.length} resources (${shown}${more > 0 ? ` and ${more} more` : ''})`;
    return `${indent}${who}: ${group.resources.length === 1 ? group.message : group.cause}`;
  });
}

/**
 * An error for people: its whole `message` (an HTML page summarised), its `cause` (the message
 * without the request it was made for) and the `key` errors of the same cause share.
 */
export function describeFailure(error: unknown): {
  key: string;
  cause: string;
  message: string;
  status?: number;
} {
  if (!(error instanceof Error)) {
    return { key: String(error), cause: String(error), message: String(error) };
  }
  const message = readableErrorMessage(error);
  let cause = message;
  const e = error as { method?: unknown; path?: unknown; status?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (typeof e.method === 'string' && typeof e.path === 'string') {
    const request = `${e.method} ${e.path}`;
    // GitHubApiError: "(403 GET /orgs/x/interaction-limits, request id ABC)" → "(403)".
    cause = cause
      .replace(
        new RegExp(` ?\\((\\d{3} )?${escapeRegExp(request)}(, request id [^)]*)?\\)`),
        (_whole: string, code?: string) => (code ? ` (${code.trim()})` : ''),
      )
      .split(request)
      .join(`${e.method} …`);
  }
  return {
    key: `${error.name}|${status ?? ''}|${cause}`,
    cause,
    message,
    ...(status !== undefined ? { status } : {}),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
