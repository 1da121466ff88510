import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { QueryState } from './query.ts';
import { hrefTo, type RecordPage } from './router.ts';

const siteTitle = 'Backend Developer vs API-First Developer';

/**
 * A page's <main>: aria-busy while its queries run (the browser test waits on it), data-route naming the
 * page it shows, and the document's title.
 */
export function Page({ route, title, busy, children }: { route: string; title?: string | undefined; busy: boolean; children: ComponentChildren }) {
  useEffect(() => {
    document.title = title ? `${title} · ${siteTitle}` : siteTitle;
  }, [title]);
  return (
    <main id="main" tabIndex={-1} aria-busy={busy ? 'true' : 'false'} data-route={route}>
      {children}
      {busy && <p class="loading">Loading…</p>}
    </main>
  );
}

/**
 * The heading of a page whose record did not come: none while loading, "No pattern “x”" when the graph
 * answered that there is none, and "could not be loaded" when it failed (the notices say why).
 */
export function Absent({ kind, slug, states }: { kind: string; slug: string; states: ReadonlyArray<QueryState<unknown>> }) {
  if (states.some((state) => state.status === 'loading')) return null;
  const failed = states.some((state) => state.status === 'failed' || (state.status === 'answered' && state.errors.length > 0));
  return <h1>{failed ? `The ${kind} “${slug}” could not be loaded` : `No ${kind} “${slug}”`}</h1>;
}

/** A record of the graph as a link to its page. */
export function RecordLink({ page, record }: { page: RecordPage; record: { slug: string; name: string } }) {
  return <a href={hrefTo(page, record.slug)}>{record.name}</a>;
}

/** A section with its heading; `id` names it for links and for the browser test. */
export function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/** Records as a list of links, leaving out the items a failed subgraph left null. */
export function LinkList({ page, records, empty }: { page: RecordPage; records: ReadonlyArray<{ slug: string; name: string } | null>; empty: string }) {
  const shown = records.filter((record) => record !== null);
  if (shown.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="links">
      {shown.map((record) => (
        <li key={record.slug}>
          <RecordLink page={page} record={record} />
        </li>
      ))}
    </ul>
  );
}

export function TextList({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** The article section a record comes from. */
export function Source({ source }: { source: { heading: string } }) {
  return <p class="source">From the article's section “{source.heading}”.</p>;
}

const acronyms = new Set(['API', 'IDE']);

/** An enum value as words: API_DESIGN → "API design", WORKS_WITH → "Works with". */
export function enumLabel(value: string): string {
  const words = value.split('_').map((word) => (acronyms.has(word) ? word : word.toLowerCase()));
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}
