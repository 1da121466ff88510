// request-error-status.ts: the status of a response whose request never reached execution.
//
// Why: GraphQL-over-HTTP §Status Codes. A well-formed request that fails before execution (the
// operation cannot be determined, variables cannot be coerced, the schema has no subscription type)
// yields a response without `data`:
//   - under application/graphql-response+json the server MUST answer 4xx or 5xx: Yoga answered a
//     subscription 200 with errors only;
//   - under application/json it SHOULD answer 200, as for parse and validation errors: Yoga gave
//     400 for an unknown operationName and for variable values of the wrong type.
// Yoga's `http.spec` flag on an error means exactly this (400, or 200 for application/json), so the
// plugin sets it on such errors, and gives the code-less ones Apollo's code for bad input.
// Transport refusals (plugins/transport-errors.ts) carry a code and stay 4xx under both types.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import type { GraphQLError } from 'graphql';
import { errorWith } from './error-with.ts';

const REQUEST_ERROR_CODES = new Set(['OPERATION_RESOLUTION_FAILURE']);

interface HttpExtension { status?: number; spec?: boolean; headers?: Record<string, string> }

/** An error about the request's GraphQL, as opposed to a transport refusal or an unexpected failure. */
function isRequestError(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  const http = error.extensions?.http as HttpExtension | undefined;
  if (http?.spec) return false;
  if (typeof code === 'string') return REQUEST_ERROR_CODES.has(code);
  return http === undefined || http.status === 400;
}

export function useRequestErrorStatus(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || 'data' in result
          || !('errors' in result) || !result.errors?.length) return;
      const errors = result.errors as GraphQLError[];
      if (!errors.some(isRequestError)) return;
      setResult({
        ...result,
        errors: errors.map((error) => isRequestError(error)
          ? errorWith(error, error.message, {
            originalError: error.originalError,
            extensions: {
              ...error.extensions,
              code: error.extensions?.code ?? 'BAD_USER_INPUT',
              http: { ...(error.extensions?.http as HttpExtension | undefined), status: 400, spec: true },
            },
          })
          : error),
      });
    },
  };
}
