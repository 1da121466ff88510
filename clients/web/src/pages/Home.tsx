import { ComparisonTableDocument } from '@supergraph/client';
import { Fragment } from 'preact';
import { useEffect } from 'preact/hooks';
import { Page, RecordLink, Section } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** Marked once the table is on screen: the browser test reads it as the page's time to first render. */
export const tableRenderedMark = 'comparison-table-rendered';

/** The article's comparison table, 8 aspects by 2 roles, in its own words; the roles link to their pages. */
export function Home({ route }: { route: string }) {
  const table = useQuery(ComparisonTableDocument, {});
  const aspects = table.status === 'answered' ? (table.data?.comparisonTable.nodes ?? []) : [];
  // The columns, in the order the first row gives the roles.
  const roles = aspects[0]?.stances.map((stance) => stance.role) ?? [];

  useEffect(() => {
    if (aspects.length > 0 && performance.getEntriesByName(tableRenderedMark).length === 0) {
      performance.mark(tableRenderedMark);
    }
  }, [aspects.length]);

  return (
    <Page route={route} busy={table.status === 'loading'}>
      <h1>Backend Developer vs API-First Developer</h1>
      <p class="lede">
        An explorer of the article: how the two roles compare, the architecture patterns each favours, and the
        glossary behind them, every page read from the federated graph. Start from the table, a role, or a search.
      </p>
      <Notices states={[table]} />
      {aspects.length > 0 && (
        <Section id="comparison" heading="Comparison table">
          <p>
            The two roles:{' '}
            {roles.map((role, i) => (
              <Fragment key={role.slug}>
                {i > 0 && ' and '}
                <RecordLink page="role" record={role} />
              </Fragment>
            ))}
            . Each row links to its aspect.
          </p>
          <div class="table-scroll">
            <table class="comparison">
              <caption>The article's comparison of the two roles, aspect by aspect</caption>
              <thead>
                <tr>
                  <th scope="col">Aspect</th>
                  {roles.map((role) => (
                    <th scope="col" key={role.slug}>
                      <RecordLink page="role" record={role} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {aspects.map((aspect) => (
                  <tr key={aspect.slug}>
                    <th scope="row">
                      <RecordLink page="aspect" record={aspect} />
                    </th>
                    {roles.map((role) => (
                      <td key={role.slug} data-label={role.name}>
                        {aspect.stances.find((stance) => stance.role.slug === role.slug)?.text ?? '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
    </Page>
  );
}
