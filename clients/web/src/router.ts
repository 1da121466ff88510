import { useEffect, useState } from 'preact/hooks';

/** The pages that show one record, by the record's slug. */
export type RecordPage = 'role' | 'pattern' | 'term' | 'tool' | 'practice' | 'aspect';

export type Route =
  | { page: 'home' }
  | { page: RecordPage; slug: string }
  | { page: 'search'; query: string }
  | { page: 'not-found'; path: string };

const recordPath = /^\/(role|pattern|term|tool|practice|aspect)\/([a-z0-9-]+)$/;

/** The route of a location hash: #/, #/role/<slug> (and the other records), #/search?q=<words>. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', search = ''] = path.split('?', 2);
  if (pathname === '/') return { page: 'home' };
  if (pathname === '/search') return { page: 'search', query: new URLSearchParams(search).get('q') ?? '' };
  const record = recordPath.exec(pathname);
  return record ? { page: record[1] as RecordPage, slug: record[2]! } : { page: 'not-found', path };
}

export const hrefTo = (page: RecordPage, slug: string): string => `#/${page}/${encodeURIComponent(slug)}`;

export const searchHref = (query: string): string => `#/search?q=${encodeURIComponent(query)}`;

/** The current location hash, updated on every navigation (links, back and forward). */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const update = () => setHash(location.hash || '#/');
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return hash;
}
