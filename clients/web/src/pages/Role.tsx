import { RoleOverviewDocument, RolePageDocument } from '@supergraph/client';
import { Fragment } from 'preact';
import { Absent, LinkList, Page, RecordLink, Section, Source, TextList } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/**
 * A role: what the article says of it (RoleOverview, the roles subgraph alone), and where it reaches across
 * the graph (RolePage): the patterns it favours with the terms that describe them, its view of each glossary
 * term, and its tools. With the glossary down the role still renders, and the notice says what is missing.
 */
export function Role({ route, slug }: { route: string; slug: string }) {
  const overview = useQuery(RoleOverviewDocument, { slug });
  const graph = useQuery(RolePageDocument, { slug });
  const busy = overview.status === 'loading' || graph.status === 'loading';
  const about = overview.status === 'answered' ? overview.data?.role : null;
  const role = graph.status === 'answered' ? graph.data?.role : null;
  const name = role?.name ?? about?.name;
  const source = about?.source ?? role?.source;

  return (
    <Page route={route} title={name} busy={busy}>
      {name !== undefined ? <h1>{name}</h1> : <Absent kind="role" slug={slug} states={[overview, graph]} />}
      <Notices states={[overview, graph]} />
      {(role ?? about) && <p class="lede">{role?.summary ?? about?.summary}</p>}
      {about && (
        <>
          <p>
            <strong>Focus:</strong> {about.focus}
          </p>
          <Section id="responsibilities" heading="Responsibilities">
            <TextList items={about.responsibilities} />
          </Section>
        </>
      )}
      {role?.favouredPatterns && (
        <Section id="favoured-patterns" heading="Patterns it favours">
          <ul class="cards">
            {role.favouredPatterns.map((pattern) => (
              <li key={pattern.slug}>
                <h3>
                  <RecordLink page="pattern" record={pattern} />
                </h3>
                {pattern.describedBy && pattern.describedBy.length > 0 && (
                  <p>
                    Described by:{' '}
                    {pattern.describedBy.map((term, i) => (
                      <Fragment key={term.slug}>
                        {i > 0 && ', '}
                        <RecordLink page="term" record={term} />
                      </Fragment>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {role?.termPerspectives && (
        <Section id="term-perspectives" heading="Its view of the glossary">
          <dl class="perspectives">
            {role.termPerspectives.map((perspective) => (
              <div key={perspective.term.slug}>
                <dt>
                  <RecordLink page="term" record={perspective.term} />
                </dt>
                <dd>{perspective.text}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
      {about && (
        <>
          <Section id="advantages" heading="Advantages">
            <TextList items={about.advantages} />
          </Section>
          <Section id="challenges" heading="Challenges">
            <TextList items={about.challenges} />
          </Section>
          <Section id="career-outlook" heading="Career outlook">
            <p>{about.careerOutlook}</p>
          </Section>
        </>
      )}
      {role && (
        <Section id="tools" heading="Tools">
          <LinkList page="tool" records={role.tools} empty="The article names no tools for this role." />
        </Section>
      )}
      {source && <Source source={source} />}
    </Page>
  );
}
