import { z } from 'zod';
import type { AnswerLike } from './answers';
import { checkAnswer, describeIssue, unexpected } from './answers';
import { LIMIT_TYPES } from './facts';
import type { ObservedInteractionLimit } from './types';

/** A timestamp as GitHub writes them (`2018-08-17T04:18:39Z`); anything `Date` reads is taken. */
const timestamp = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)), 'expected an ISO-8601 timestamp');

/**
 * GitHub's `interaction-limit-response`: `limit`, `origin` and `expires_at` are all required
 * (OpenAPI, `components.schemas.interaction-limit-response`).
 */
export const LimitObjectSchema = z
  .object({
    limit: z.enum(LIMIT_TYPES),
    origin: z.string(),
    expires_at: timestamp,
  })
  .loose();

const LIMIT_OBJECT = 'an interaction-limit object {limit, origin, expires_at}';
const LIMIT_OR_NONE = `${LIMIT_OBJECT}, or {} when there is none`;

function toObserved(body: z.infer<typeof LimitObjectSchema>): ObservedInteractionLimit {
  return { limit: body.limit, origin: body.origin, expiresAt: body.expires_at };
}

/**
 * The limit a GET answered, or null for GitHub's "no limit": 200 `{}` (org, repository; the
 * OpenAPI `anyOf` of the limit object and an empty object) or 204 (user). Anything else, a
 * non-JSON body or another shape, is an UnexpectedAnswerError: never "no limit".
 * https://docs.github.com/rest/interactions
 */
export function readLimitAnswer(response: AnswerLike): ObservedInteractionLimit | null {
  if (response.status === 204) return null;
  const data = response.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    if (Object.keys(data).length === 0) return null;
    const parsed = LimitObjectSchema.safeParse(data);
    if (parsed.success) return toObserved(parsed.data);
    throw unexpected(response, 'GET', LIMIT_OR_NONE, describeIssue(parsed.error.issues[0]));
  }
  // Not an object: checkAnswer names what it is (text, HTML, an array…).
  return toObserved(checkAnswer(LimitObjectSchema, response, LIMIT_OR_NONE));
}

/** The limit a PUT answered (GitHub answers the limit now in force). */
export function readSetLimitAnswer(response: AnswerLike): ObservedInteractionLimit {
  return toObserved(checkAnswer(LimitObjectSchema, response, LIMIT_OBJECT, 'PUT'));
}
