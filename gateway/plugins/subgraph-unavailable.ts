// subgraph-unavailable.ts: when a subgraph cannot be reached, the error says which one.
//
// Why: a query that spans subgraphs still returns the data of those that answered (issue 5); the
// client must be able to tell which part is missing and why, also in production, where every
// unexpected error is masked to "Unexpected error.". Hive Gateway marks a failed subgraph call with
// extensions.serviceName (the subgraph's name in the supergraph) and a code: SUBREQUEST_HTTP_ERROR
// (connection refused or reset, a 5xx without a GraphQL body), TIMEOUT_ERROR (upstreamTimeout), or
// RESPONSE_VALIDATION_FAILED (an answer that is not a GraphQL result). Its message and its other
// extensions are internals (the subgraph's address, "connect ECONNREFUSED 127.0.0.1:5103", the
// subgraph request's body), so the client gets a message of our own, the code and the name.
//
// A failed call whose data no selected field shows directly still costs the client data: with the
// roles subgraph down, `search { results }` (resolved by the glossary, which @requires the roles'
// hits) simply lacks the roles, and Hive drops the failed call's error with the field nobody
// selected. useSubgraphUnavailableErrors reports such a failure at the path the call was made for.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, responsePathAsArray } from 'graphql';

/** What the client is told instead of a failed call's own message and extensions. */
export interface SubgraphUnavailable {
  message: string;
  extensions: { code: string; serviceName: string };
}

/**
 * "The glossary subgraph is unavailable.", with Hive's code and the serviceName, for an unexpected
 * error that carries a serviceName; undefined for any other error.
 */
export function subgraphUnavailable(error: GraphQLError | undefined): SubgraphUnavailable | undefined {
  const serviceName = error?.extensions?.serviceName;
  if (typeof serviceName !== 'string' || !serviceName) return undefined;
  const code = error?.extensions?.code;
  return {
    message: `The ${serviceName} subgraph is unavailable.`,
    extensions: { code: typeof code === 'string' && code ? code : 'SUBREQUEST_HTTP_ERROR', serviceName },
  };
}

/** A masked failed subgraph call: it keeps its cause (never serialized) for the gateway to log. */
export function isSubgraphUnavailable(error: GraphQLError): boolean {
  return typeof error.extensions?.serviceName === 'string' && error.originalError != null;
}

/**
 * Remembers the subgraph calls that failed (an error the gateway made has an originalError; errors a
 * subgraph answered with have none) and adds one error, made by `mask`, for each subgraph whose failure
 * the result does not report yet, at the path of the field the call was made for.
 */
export function useSubgraphUnavailableErrors(mask: (error: GraphQLError, message: string) => Error): GatewayPlugin {
  const failures = new WeakMap<object, Map<string, GraphQLError>>();
  return {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const context = executionRequest.context;
      if (!context) return;
      return ({ result }) => {
        const failed = Symbol.asyncIterator in result ? undefined : result.errors?.find(error => error.originalError != null);
        if (!failed) return;
        const byName = failures.get(context) ?? new Map<string, GraphQLError>();
        failures.set(context, byName);
        if (byName.has(subgraphName)) return;
        byName.set(subgraphName, new GraphQLError(failed.message, {
          path: executionRequest.info ? responsePathAsArray(executionRequest.info.path) : undefined,
          originalError: failed,
          extensions: { ...failed.extensions, serviceName: subgraphName },
        }));
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const byName = failures.get(args.contextValue as object);
          if (!byName || Symbol.asyncIterator in result) return;
          const reported = new Set(result.errors?.filter(error => error.originalError != null).map(error => error.extensions?.serviceName));
          const missing = [...byName].filter(([name]) => !reported.has(name)).map(([, error]) => mask(error, 'Unexpected error.') as GraphQLError);
          if (missing.length) setResult({ ...result, errors: [...(result.errors ?? []), ...missing] });
        },
      };
    },
  };
}
