import type { GraphQLError } from '@supergraph/client';
import type { QueryState } from './query.ts';

// The gateway's error for a subgraph it could not reach: "Request to subgraph 'glossary' failed.", with
// the path of the field left null (PartialFailureTests).
const subgraphFailure = /subgraph '([^']+)'/;

const subgraphNames: Record<string, string> = {
  glossary: 'The glossary',
  roles: 'The roles service',
  patterns: 'The patterns service',
};

/** What a field holds, as a reader would name it; other fields are named from their camelCase. */
const fieldNames: Record<string, string> = {
  termPerspectives: 'term perspectives',
  perspectives: "the roles' perspectives",
  describedBy: 'the terms that describe the patterns',
  relatedTerms: 'related terms',
  favouredPatterns: 'favoured patterns',
  roleStances: "the roles' stances",
  patterns: 'patterns',
  practices: 'practices',
  tools: 'tools',
  roles: 'roles',
  role: 'roles',
  results: 'search results',
};

function fieldName(path: GraphQLError['path']): string {
  const field = [...(path ?? [])].reverse().find((key): key is string => typeof key === 'string');
  if (field === undefined) return 'part of the page';
  return fieldNames[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const listed = (items: string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * One sentence per cause: "The glossary is unavailable: term perspectives are missing." for each
 * subgraph that failed, and the gateway's own message for any other error.
 */
export function describeErrors(errors: readonly GraphQLError[]): string[] {
  const bySubgraph = new Map<string, Set<string>>();
  const others = new Set<string>();
  for (const error of errors) {
    const subgraph = subgraphFailure.exec(error.message)?.[1];
    if (subgraph === undefined) {
      others.add(error.path ? `Part of this page could not be loaded (${fieldName(error.path)}): ${error.message}` : error.message);
    } else {
      const fields = bySubgraph.get(subgraph) ?? new Set<string>();
      bySubgraph.set(subgraph, fields.add(fieldName(error.path)));
    }
  }

  const sentences = [...bySubgraph].map(([subgraph, fields]) => {
    const what = [...fields];
    const name = subgraphNames[subgraph] ?? `The ${subgraph} subgraph`;
    return `${name} is unavailable: ${listed(what)} ${what.length === 1 && !what[0]!.endsWith('s') ? 'is' : 'are'} missing.`;
  });
  return [...sentences, ...others];
}

/** The notices of a page's queries, shown above its content, announced to screen readers. */
export function Notices({ states }: { states: ReadonlyArray<QueryState<unknown>> }) {
  const sentences = [
    ...new Set(
      states.flatMap((state) =>
        state.status === 'answered'
          ? describeErrors(state.errors)
          : state.status === 'failed'
            ? [`Part of this page could not be loaded: ${state.message}`]
            : [],
      ),
    ),
  ];
  if (sentences.length === 0) return null;
  return (
    <div class="notice" role="status">
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </div>
  );
}
