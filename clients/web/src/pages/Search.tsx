import { SearchDocument, type SearchQuery } from '@supergraph/client';
import { Page, Section } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';
import { hrefTo, type RecordPage } from '../router.ts';

type Found = NonNullable<NonNullable<NonNullable<SearchQuery['search']>['results']>[number]['node']>;

const pages: Record<Found['__typename'], { page: RecordPage; kind: string }> = {
  Role: { page: 'role', kind: 'Role' },
  ArchitecturePattern: { page: 'pattern', kind: 'Pattern' },
  Term: { page: 'term', kind: 'Term' },
  Tool: { page: 'tool', kind: 'Tool' },
  Practice: { page: 'practice', kind: 'Practice' },
  ComparisonAspect: { page: 'aspect', kind: 'Comparison aspect' },
};

/** The search over the whole graph, best first; each result links to its page. */
export function Search({ route, query }: { route: string; query: string }) {
  const answer = useQuery(SearchDocument, { query, first: 20 });
  const results = answer.status === 'answered' ? answer.data?.search?.results : undefined;
  const found = (results ?? []).flatMap((result) => (result.node ? [result.node] : []));

  return (
    <Page route={route} title={`Search: ${query}`} busy={answer.status === 'loading'}>
      <h1>Search results for “{query}”</h1>
      <Notices states={[answer]} />
      {answer.status === 'answered' && (
        <Section id="results" heading={`${found.length} ${found.length === 1 ? 'result' : 'results'}`}>
          {results === undefined || results === null ? (
            <p class="empty">The search could not reach every part of the graph; try again in a moment.</p>
          ) : found.length === 0 ? (
            <p class="empty">Nothing in the article matches; try other words.</p>
          ) : (
            <ol class="results">
              {found.map((node) => (
                <li key={node.id}>
                  <a href={hrefTo(pages[node.__typename].page, node.slug)}>{node.name}</a>{' '}
                  <span class="kind">{pages[node.__typename].kind}</span>
                </li>
              ))}
            </ol>
          )}
        </Section>
      )}
    </Page>
  );
}
