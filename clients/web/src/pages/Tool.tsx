import { ToolPageDocument } from '@supergraph/client';
import { Absent, enumLabel, LinkList, Page, Section, Source } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** A technology the article names: the roles that use it and the practices it supports. */
export function Tool({ route, slug }: { route: string; slug: string }) {
  const answer = useQuery(ToolPageDocument, { slug });
  const tool = answer.status === 'answered' ? answer.data?.tool : null;

  return (
    <Page route={route} title={tool?.name} busy={answer.status === 'loading'}>
      {tool ? <h1>{tool.name}</h1> : <Absent kind="tool" slug={slug} states={[answer]} />}
      <Notices states={[answer]} />
      {tool && (
        <>
          <p class="kind">{enumLabel(tool.category)}</p>
          <p class="lede">{tool.description}</p>
          <Section id="roles" heading="Used by">
            <LinkList page="role" records={tool.roles} empty="No role." />
          </Section>
          {tool.practices && (
            <Section id="practices" heading="Practices it supports">
              <LinkList page="practice" records={tool.practices} empty="No practice." />
            </Section>
          )}
          <Source source={tool.source} />
        </>
      )}
    </Page>
  );
}
