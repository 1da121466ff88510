// subgraph-unavailable.ts: when a subgraph cannot be reached, the error says which one.
//
// Why: a query that spans subgraphs still returns the data of those that answered (issue 5); the
// client must be able to tell which part is missing and why, also in production, where every
// unexpected error is masked to "Unexpected error.". Hive Gateway makes its own error for a subgraph
// call that failed, with extensions.serviceName (the subgraph's name in the supergraph),
// extensions.request (the URL and body it sent) and a code: SUBREQUEST_HTTP_ERROR (connection refused
// or reset, a 5xx without a GraphQL body), GATEWAY_TIMEOUT or TIMEOUT_ERROR (upstreamTimeout), or
// RESPONSE_VALIDATION_FAILED (an answer that is not a GraphQL result). Its message and its other
// extensions are internals ("connect ECONNREFUSED 127.0.0.1:5103", the subgraph's URL, the request's
// body), so the client gets a message of our own, the code and the name. A timeout's error has no
// exception behind it, so only extensions.request tells it from an error the subgraph answered with.
//
// A failed call whose data no selected field shows directly still costs the client data: with the
// roles subgraph down, `search { results }` (resolved by the glossary, which @requires the roles'
// hits) simply lacks the roles, and Hive drops the failed call's error with the field nobody
// selected. useSubgraphUnavailableErrors reports such a failure at the path the call was made for.
// (With the Rust planner, whose runtime puts a failed call's error at the entity it was made for,
// result-completion.ts moves it to the fields the call left null.)
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, responsePathAsArray } from 'graphql';

/** What the client is told instead of a failed call's own message and extensions. */
export interface SubgraphUnavailable {
  message: string;
  extensions: { code: string; serviceName: string };
}

const messageFor = (serviceName: string) => `The ${serviceName} subgraph is unavailable.`;

/**
 * "The glossary subgraph is unavailable.", with Hive's code and the serviceName, when the error is (or
 * was caused by) the gateway's error for a failed subgraph call; undefined for any other error.
 */
export function subgraphUnavailable(error: unknown): SubgraphUnavailable | undefined {
  let found: string | undefined;
  let code: string | undefined;
  // The code may sit on the cause: Hive wraps our timeout's error (upstream-resilience.ts) in its own.
  for (let current = error; current instanceof Error; current = (current as GraphQLError).originalError) {
    const extensions = (current as GraphQLError).extensions;
    const serviceName = extensions?.serviceName;
    if (!found && typeof serviceName === 'string' && serviceName && extensions.request != null) found = serviceName;
    if (!code && typeof extensions?.code === 'string' && extensions.code) code = extensions.code;
  }
  return found ? { message: messageFor(found), extensions: { code: code ?? 'SUBREQUEST_HTTP_ERROR', serviceName: found } } : undefined;
}

/** An error masked from a failed subgraph call: it keeps its cause (never serialized) for the gateway to log. */
export function isSubgraphUnavailable(error: GraphQLError): boolean {
  const serviceName = error.extensions?.serviceName;
  return typeof serviceName === 'string' && error.message === messageFor(serviceName) && error.originalError != null;
}

/** The subgraph a result's error reports as unavailable, masked yet or not. */
function unavailableService(error: GraphQLError): string | undefined {
  return isSubgraphUnavailable(error) ? String(error.extensions.serviceName) : subgraphUnavailable(error)?.extensions.serviceName;
}

/**
 * Remembers the subgraph calls that failed and adds an error, made by `mask`, for each subgraph whose
 * failure the result does not report yet, at the path of the field the call was made for.
 */
export function useSubgraphUnavailableErrors(mask: (error: GraphQLError, message: string) => Error): GatewayPlugin {
  const failures = new WeakMap<object, Map<string, GraphQLError>>();
  return {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const context = executionRequest.context;
      if (!context) return;
      return ({ result }) => {
        const failed = Symbol.asyncIterator in result ? undefined : result.errors?.find(error => subgraphUnavailable(error));
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
          const reported = new Set(result.errors?.map(unavailableService));
          const missing = [...byName].filter(([name]) => !reported.has(name)).map(([, error]) => mask(error, 'Unexpected error.') as GraphQLError);
          if (missing.length) setResult({ ...result, errors: [...(result.errors ?? []), ...missing] });
        },
      };
    },
  };
}
