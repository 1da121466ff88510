import { PatternPageDocument } from '@supergraph/client';
import { Absent, enumLabel, LinkList, Page, RecordLink, Section, Source, TextList } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** An architecture pattern: how each role stands on it, its practices, and the glossary terms behind it. */
export function Pattern({ route, slug }: { route: string; slug: string }) {
  const answer = useQuery(PatternPageDocument, { slug });
  const pattern = answer.status === 'answered' ? answer.data?.pattern : null;

  return (
    <Page route={route} title={pattern?.name} busy={answer.status === 'loading'}>
      {pattern ? <h1>{pattern.name}</h1> : <Absent kind="pattern" slug={slug} states={[answer]} />}
      <Notices states={[answer]} />
      {pattern && (
        <>
          <p class="kind">{enumLabel(pattern.category)} pattern</p>
          <p class="lede">{pattern.summary}</p>
          <Section id="role-stances" heading="How each role stands">
            <ul class="cards">
              {pattern.roleStances.map((stance, i) => (
                <li key={stance.role?.slug ?? i}>
                  <h3>
                    {stance.role ? <RecordLink page="role" record={stance.role} /> : 'A role'}: {enumLabel(stance.preference).toLowerCase()}
                  </h3>
                  <p>{stance.rationale}</p>
                </li>
              ))}
            </ul>
          </Section>
          <Section id="benefits" heading="Benefits">
            <TextList items={pattern.benefits} />
          </Section>
          <Section id="trade-offs" heading="Trade-offs">
            <TextList items={pattern.tradeOffs} />
          </Section>
          {pattern.describedBy && (
            <Section id="described-by" heading="Terms that describe it">
              <LinkList page="term" records={pattern.describedBy} empty="No glossary term describes this pattern." />
            </Section>
          )}
          <Section id="related-terms" heading="Related terms">
            <LinkList page="term" records={pattern.relatedTerms} empty="No related terms could be shown." />
          </Section>
          <Section id="practices" heading="Practices">
            <LinkList page="practice" records={pattern.practices} empty="The article names no practice for this pattern." />
          </Section>
          <Source source={pattern.source} />
        </>
      )}
    </Page>
  );
}
