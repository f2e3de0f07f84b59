import type { QueryValue } from './route';
import { queryString } from './route';

/**
 * GitHub's page-based pagination (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api):
 * `per_page` defaults to 30 and is capped at 100, `page` starts at 1, and a `Link` header gives
 * the `prev`, `next`, `last` and `first` pages (absent when everything fits on one page).
 */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface Page<T> {
  readonly items: T[];
  readonly link?: string;
}

function positiveInt(value: QueryValue): number | undefined {
  const text = queryString(value);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

export function paginate<T>(
  items: readonly T[],
  query: Readonly<Record<string, QueryValue>>,
  pageUrlBase: string,
): Page<T> {
  const perPage = Math.min(positiveInt(query.per_page) ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const page = positiveInt(query.page) ?? 1;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === 'page' || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    params.set('page', String(n));
    return `<${pageUrlBase}?${params.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${pageUrl(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage)
    rels.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`);
  if (page > 1) rels.push(`${pageUrl(1)}; rel="first"`);
  return { items: slice, link: rels.length > 0 ? rels.join(', ') : undefined };
}
