// correlation-id.ts: every response and every error carries the id that finds its log line.
//
// Why: in production an unexpected error reaches the client as "Unexpected error." only; the
// correlation id in extensions.correlationId (and the X-Correlation-Id response header) is what an
// operator searches the log for, where the exception is written with it. The id is the client's
// X-Correlation-Id, else the trace id of a W3C traceparent, else a new one. Hive Gateway's built-in
// `requestId` option (configured in gateway.config.ts with correlationIdOptions) echoes it in the
// response and forwards it to the subgraphs, which use it for their own errors and logs.
import type { GatewayPlugin, Logger } from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import type { GraphMode } from './graph-mode.ts';
import { errorWith } from './error-with.ts';
import { isSubgraphUnavailable, subgraphUnavailable } from './subgraph-unavailable.ts';

export const CORRELATION_HEADER = 'x-correlation-id';

const ids = new WeakMap<Request, string>();

/** The request's correlation id, decided once per request. */
export function correlationIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) {
    id = request.headers.get(CORRELATION_HEADER) || traceIdOf(request.headers.get('traceparent')) || crypto.randomUUID().replaceAll('-', '');
    ids.set(request, id);
  }
  return id;
}

/** traceparent: version "-" trace-id (32 lowercase hex, not all zero) "-" parent-id "-" flags. */
function traceIdOf(traceparent: string | null): string | undefined {
  const traceId = traceparent?.split('-')[1];
  return traceId && /^[0-9a-f]{32}$/.test(traceId) && /[1-9a-f]/.test(traceId) ? traceId : undefined;
}

/** The gateway's `requestId` option: the built-in plugin then echoes and forwards the same id. */
export const correlationIdOptions = {
  headerName: CORRELATION_HEADER,
  generateRequestId: ({ request }: { request: Request }) => correlationIdOf(request),
};

/** An error a resolver or validation meant to show (Yoga's test): a GraphQLError not caused by anything else. */
function isExpected(error: unknown): boolean {
  return error instanceof Error && error.name === 'GraphQLError'
    && ((error as GraphQLError).originalError == null || isExpected((error as GraphQLError).originalError));
}

function causeOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? causeOf(error.originalError) : error;
}

/**
 * The gateway's `maskedErrors`: an unexpected error becomes "Unexpected error." with code
 * INTERNAL_SERVER_ERROR, or, for a subgraph call that failed, "The glossary subgraph is unavailable."
 * with its code and serviceName (subgraph-unavailable.ts). The cause stays on the error (never
 * serialized) for useCorrelatedErrors to log; in development its message and stack are shown too.
 */
export function maskedErrors(mode: GraphMode) {
  // Masking twice gives the same error back (Yoga logs an error each time masking changes it).
  const masked = new WeakSet<object>();
  return {
    maskError(error: unknown, message: string): Error {
      if (error instanceof Error && masked.has(error)) return error;
      // A failed subgraph call is always masked: a timeout's error looks expected, but carries internals.
      const subgraph = subgraphUnavailable(error);
      if (!subgraph && isExpected(error)) return error as Error;
      const cause = causeOf(error);
      const original = cause instanceof Error ? cause : new Error(String(cause));
      const located = error instanceof GraphQLError ? error : undefined;
      const maskedError = errorWith(located, subgraph?.message ?? message, {
        originalError: original,
        extensions: {
          ...(subgraph?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' }),
          ...(mode === 'development' ? { originalError: { message: original.message, stack: original.stack } } : {}),
        },
      });
      masked.add(maskedError);
      return maskedError;
    },
  };
}

/** Adds extensions.correlationId to every error, and logs the cause of each masked one with the id. */
export function useCorrelatedErrors(log: Logger): GatewayPlugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors?.length) return;
      const correlationId = correlationIdOf(request);
      const errors = result.errors.map((error: GraphQLError) => {
        if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && error.originalError) {
          log.error({ correlationId, path: error.path?.join('.'), error: error.originalError.stack ?? error.originalError.message }, 'Unexpected error');
        } else if (isSubgraphUnavailable(error)) {
          log.warn({ correlationId, path: error.path?.join('.'), serviceName: error.extensions.serviceName, error: error.originalError?.message }, 'Subgraph unavailable');
        }
        return errorWith(error, error.message, { originalError: error.originalError, extensions: { ...error.extensions, correlationId } });
      });
      setResult({ ...result, errors });
    },
  };
}
