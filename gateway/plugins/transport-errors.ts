// transport-errors.ts: the error a request gets when it is refused before any GraphQL runs.
//
// Why one place: the subgraphs (SubgraphKit/Http/GraphQLHttpEndpoint.cs) answer a malformed request
// with {"errors":[{"message","extensions":{"code"}}]} and a status (400, 405, 406, 413, 415); the
// gateway's plugins give the same codes and statuses, so a client handles both alike.
import { STATUS_CODES } from 'node:http';
import { GraphQLError } from 'graphql';
import { correlationIdOf } from './correlation-id.ts';

/**
 * A refusal thrown from a request parser or hook: Yoga turns it into the error body, in the
 * negotiated media type, with this status under both media types (no `spec` flag: a request that
 * is not well-formed is a 4xx even for application/json clients).
 */
export function transportError(status: number, code: string, message: string, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });
}

/**
 * A refusal answered from onRequest, before Yoga negotiates a media type: plain application/json,
 * as the subgraphs answer 405 and 406, with the correlation id the log line carries.
 */
export function transportErrorResponse(request: Request, status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, correlationId: correlationIdOf(request) } }] });
  return new Response(body, { status, statusText: STATUS_CODES[status], headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** Whether a request is for the GraphQL endpoint itself (not /graphql/* assets, /healthcheck, ...). */
export function isGraphQLEndpoint(request: Request): boolean {
  return new URL(request.url).pathname === '/graphql';
}
