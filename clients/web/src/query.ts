import { execute, type GraphQLError, type TypedDocumentString } from '@supergraph/client';
import { useEffect, useState } from 'preact/hooks';

/**
 * One trusted operation's answer as a page shows it: loading, then the data with whatever errors came
 * with it (a partial answer is shown, not hidden), or why there is no answer at all.
 */
export type QueryState<TResult> =
  | { status: 'loading' }
  | { status: 'answered'; data: TResult | null; errors: GraphQLError[] }
  | { status: 'failed'; message: string };

/** Runs a typed document by its persisted id, again whenever its variables change. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const [state, setState] = useState<QueryState<TResult>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    execute(document, variables, { signal: abort.signal }).then(
      (result) => {
        if (!abort.signal.aborted) setState({ status: 'answered', data: result.data ?? null, errors: result.errors ?? [] });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
    // The variables are compared by value (key): a page passes a new object on every render.
  }, [document, key]);
  return state;
}
