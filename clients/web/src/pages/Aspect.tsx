import { ComparisonAspectBySlugDocument } from '@supergraph/client';
import { Absent, Page, RecordLink, Section, Source } from '../layout.tsx';
import { Notices } from '../notices.tsx';
import { useQuery } from '../query.ts';

/** One row of the comparison table, with both roles' stances. */
export function Aspect({ route, slug }: { route: string; slug: string }) {
  const answer = useQuery(ComparisonAspectBySlugDocument, { slug });
  const aspect = answer.status === 'answered' ? answer.data?.comparisonAspect : null;

  return (
    <Page route={route} title={aspect?.name} busy={answer.status === 'loading'}>
      {aspect ? <h1>{aspect.name}</h1> : <Absent kind="aspect" slug={slug} states={[answer]} />}
      <Notices states={[answer]} />
      {aspect && (
        <>
          <p class="kind">Row {aspect.position} of the comparison table</p>
          <Section id="stances" heading="Each role's stance">
            <ul class="cards">
              {aspect.stances.map((stance) => (
                <li key={stance.role.slug}>
                  <h3>
                    <RecordLink page="role" record={stance.role} />
                  </h3>
                  <p>{stance.text}</p>
                </li>
              ))}
            </ul>
          </Section>
          <Source source={aspect.source} />
        </>
      )}
    </Page>
  );
}
