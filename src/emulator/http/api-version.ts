import type { HttpResult } from './results';
import { basicError } from './results';

/**
 * REST API versions (https://docs.github.com/rest/about-the-rest-api/api-versions): requests
 * without `X-GitHub-Api-Version` get 2022-11-28; 2026-03-10 is the newer version the current
 * docs samples send. The 400 message is GitHub's wording for an unsupported version.
 */
export const SUPPORTED_API_VERSIONS = ['2026-03-10', '2022-11-28'] as const;
export const DEFAULT_API_VERSION = '2022-11-28';

const VERSIONS_DOCS = 'https://docs.github.com/rest/about-the-rest-api/api-versions';

export function selectApiVersion(
  header: string | string[] | undefined,
): { ok: true; version: string } | { ok: false; error: HttpResult } {
  const requested = Array.isArray(header) ? header[0] : header;
  if (requested === undefined || requested.trim() === '') {
    return { ok: true, version: DEFAULT_API_VERSION };
  }
  const version = requested.trim();
  if ((SUPPORTED_API_VERSIONS as readonly string[]).includes(version)) return { ok: true, version };
  const supported = SUPPORTED_API_VERSIONS.map(
    (v, i) => `"${v}"${i === 0 ? ' (most recent)' : ''}`,
  ).join(', ');
  return {
    ok: false,
    error: basicError(
      400,
      `The version you specified in the "X-GitHub-Api-Version" request header, "${version}", is not a supported version. The following versions are currently supported: ${supported}.`,
      VERSIONS_DOCS,
    ),
  };
}
