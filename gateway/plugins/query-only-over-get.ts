// query-only-over-get.ts: a GET may only run a query; anything else is 405 with "Allow: POST".
//
// Why: GraphQL-over-HTTP §GET: GET MUST NOT be used for mutations, and the server MUST answer 405
// and not execute. Yoga does so with code BAD_REQUEST; the subgraphs (SubgraphKit/Http/
// QueryOnlyOverGetRule.cs) say OPERATION_NOT_ALLOWED_OVER_GET and refuse subscriptions over GET too.
// This runs right after parsing, before Yoga's own check, on the operation operationName selects.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { getOperationAST } from 'graphql';
import { transportError } from './transport-errors.ts';

export function useQueryOnlyOverGet(): GatewayPlugin {
  return {
    onParse({ context }) {
      const { request, params } = context as { request?: Request; params?: { operationName?: string } };
      if (request?.method !== 'GET') return;
      return ({ result }) => {
        if (result instanceof Error || !result) return;
        const operation = getOperationAST(result, params?.operationName);
        if (operation && operation.operation !== 'query') {
          throw transportError(405, 'OPERATION_NOT_ALLOWED_OVER_GET',
            `Only query operations are allowed over GET; send this ${operation.operation} with POST.`, { Allow: 'POST' });
        }
      };
    },
  };
}
