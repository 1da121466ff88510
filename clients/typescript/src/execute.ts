import type { TypedDocumentString } from './generated/graphql.ts';

/** A GraphQL error as the gateway sends it: its code in extensions.code, and the path it cost. */
export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A response: partial data and errors can come together, so a page shows what it got and says what is missing. */
export interface GraphQLResult<TResult> {
  data?: TResult | null;
  errors?: GraphQLError[];
}

/**
 * Runs a trusted operation by its persisted id (GraphQL over HTTP's documentId), never by its text, so it
 * works against a gateway in trusted-documents-only mode. An HTTP failure that carries a GraphQL body is
 * returned as that body; anything else throws.
 */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { endpoint = '/graphql', signal }: { endpoint?: string; signal?: AbortSignal } = {},
): Promise<GraphQLResult<TResult>> {
  const documentId = document.__meta__?.['hash'];
  if (typeof documentId !== 'string') {
    throw new Error('Not a persisted document: regenerate the client (npm run codegen in clients/).');
  }

  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ documentId, variables }),
    signal,
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    throw new Error(`The gateway answered ${response.status} ${response.statusText}.`);
  }

  return (await response.json()) as GraphQLResult<TResult>;
}
