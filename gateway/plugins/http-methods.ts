// http-methods.ts: any method but GET and POST at /graphql is 405 with Allow, like the subgraphs.
//
// Why: Yoga already answers 405 with "Allow: GET, POST", but with code BAD_REQUEST and in the media
// type negotiated for a GraphQL response. The subgraphs refuse the method before negotiating, in
// application/json, with code METHOD_NOT_ALLOWED (RFC 9110 §15.5.6 asks for the Allow header).
// OPTIONS is left to Yoga's CORS handling, which answers preflight requests.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { isGraphQLEndpoint, transportErrorResponse } from './transport-errors.ts';

export function useHttpMethodCheck(): GatewayPlugin {
  return {
    onRequest({ request, endResponse }) {
      const method = request.method;
      if (method === 'GET' || method === 'POST' || method === 'OPTIONS' || !isGraphQLEndpoint(request)) return;
      endResponse(transportErrorResponse(request, 405, 'METHOD_NOT_ALLOWED',
        `The GraphQL endpoint accepts GET and POST, not ${method}.`, { allow: 'GET, POST' }));
    },
  };
}
