import { TermPageDocument } from '@supergraph/client';
import { Absent, enumLabel, LinkList, Page, RecordLink, Section, Source } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** A glossary term: its definition, both roles' perspectives, the patterns it describes, and related terms. */
export function Term({ route, slug }: { route: string; slug: string }) {
  const answer = useQuery(TermPageDocument, { slug });
  const term = answer.status === 'answered' ? answer.data?.term : null;

  return (
    <Page route={route} title={term?.name} busy={answer.status === 'loading'}>
      {term ? (
        <h1>
          {term.name}
          {term.abbreviations.length > 0 && <span class="abbreviations"> ({term.abbreviations.join(', ')})</span>}
        </h1>
      ) : (
        <Absent kind="term" slug={slug} states={[answer]} />
      )}
      <Notices states={[answer]} />
      {term && (
        <>
          <p class="kind">{enumLabel(term.kind)}</p>
          <p class="lede">{term.definition}</p>
          <Section id="perspectives" heading="Both perspectives">
            <ul class="cards">
              {term.perspectives.map((perspective, i) => (
                <li key={perspective.role?.slug ?? i}>
                  <h3>{perspective.role ? <RecordLink page="role" record={perspective.role} /> : 'A role'}</h3>
                  <p>{perspective.text}</p>
                </li>
              ))}
            </ul>
          </Section>
          <Section id="patterns" heading="Patterns it describes">
            <LinkList page="pattern" records={term.patterns} empty="This term describes no architecture pattern of the article." />
          </Section>
          <Section id="related-terms" heading="Related terms">
            <LinkList page="term" records={term.relatedTerms} empty="No related terms." />
          </Section>
          {term.practices && (
            <Section id="practices" heading="Practices that rest on it">
              <LinkList page="practice" records={term.practices} empty="No practice rests on this term." />
            </Section>
          )}
          <Source source={term.source} />
        </>
      )}
    </Page>
  );
}
