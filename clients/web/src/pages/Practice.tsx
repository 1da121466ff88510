import { PracticePageDocument } from '@supergraph/client';
import { Absent, enumLabel, LinkList, Page, Section, Source } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** An engineering practice: its patterns, the roles credited with it, its tools and glossary terms. */
export function Practice({ route, slug }: { route: string; slug: string }) {
  const answer = useQuery(PracticePageDocument, { slug });
  const practice = answer.status === 'answered' ? answer.data?.practice : null;

  return (
    <Page route={route} title={practice?.name} busy={answer.status === 'loading'}>
      {practice ? <h1>{practice.name}</h1> : <Absent kind="practice" slug={slug} states={[answer]} />}
      <Notices states={[answer]} />
      {practice && (
        <>
          <p class="kind">{enumLabel(practice.category)} practice</p>
          <p class="lede">{practice.summary}</p>
          <Section id="patterns" heading="Patterns">
            <LinkList page="pattern" records={practice.patterns} empty="No pattern." />
          </Section>
          <Section id="roles" heading="Roles">
            <LinkList page="role" records={practice.roles} empty="No role could be shown." />
          </Section>
          <Section id="tools" heading="Tools">
            <LinkList page="tool" records={practice.tools} empty="No tool could be shown." />
          </Section>
          <Section id="related-terms" heading="Related terms">
            <LinkList page="term" records={practice.relatedTerms} empty="No related terms could be shown." />
          </Section>
          <Source source={practice.source} />
        </>
      )}
    </Page>
  );
}
