import { STATUS_CODES } from 'node:http';
import type { HttpResult } from '../http/results';
import { basicError, REST_DOCS_URL } from '../http/results';
import {
  RATE_LIMIT_DOCS,
  SECONDARY_RATE_LIMIT_DOCS,
  SECONDARY_RATE_LIMIT_MESSAGE,
  supportSuffix,
} from '../rate-limits/answers';
import { rateLimitHeaders } from '../rate-limits/rate-limiter';
import type { EmulatorState } from '../state/emulator-state';
import type { Fault } from './registry';

/**
 * The answer of a terminal fault (everything but `latency`, and the drops, which the caller
 * handles).
 */
export function faultResult(state: EmulatorState, fault: Fault, requestId: string): HttpResult {
  const retryAfter = fault.retryAfterSeconds ?? 60;
  const nowSeconds = Math.floor(state.now() / 1000);
  switch (fault.kind) {
    case 'rate_limit': {
      const limit = state.data.rateLimitPerHour;
      return basicError(
        403,
        `API rate limit exceeded (injected fault).${supportSuffix(requestId)}`,
        RATE_LIMIT_DOCS,
        {
          ...rateLimitHeaders({ limit, remaining: 0, used: limit, reset: nowSeconds + retryAfter }),
        },
      );
    }
    case 'secondary_rate_limit':
      // The wording plugin-throttling matches (/\bsecondary rate\b/i), with retry-after.
      return basicError(
        403,
        `${SECONDARY_RATE_LIMIT_MESSAGE}${supportSuffix(requestId)}`,
        SECONDARY_RATE_LIMIT_DOCS,
        { 'retry-after': String(retryAfter) },
      );
    default: {
      const status = fault.status ?? 500;
      return basicError(
        status,
        STATUS_CODES[status] ?? 'Server Error',
        REST_DOCS_URL,
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfter) } : undefined,
      );
    }
  }
}
