// error-with.ts: a GraphQLError rebuilt with another message, cause or extensions.
//
// Why one place: a GraphQLError cannot be changed, and a copy must carry the original's location and
// path or the client loses where the error happened. Masking (correlation-id.ts), the correlation id
// (correlation-id.ts) and the spec status of request errors (request-error-status.ts) all copy.
import { GraphQLError } from 'graphql';

/** `error`'s nodes, source, positions and path (none when there is no GraphQLError to copy) with the rest given. */
export function errorWith(
  error: GraphQLError | undefined, message: string,
  { originalError, extensions }: { originalError: Error | null | undefined; extensions: Record<string, unknown> },
): GraphQLError {
  return new GraphQLError(message, {
    nodes: error?.nodes,
    source: error?.source,
    positions: error?.positions,
    path: error?.path,
    originalError,
    extensions,
  });
}
