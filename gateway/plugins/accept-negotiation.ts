// accept-negotiation.ts: the response media type follows the Accept header as the spec asks.
//
// Why: GraphQL-over-HTTP §Accept: a server MUST respond in the highest-priority media type of Accept
// that it supports, and SHOULD answer 406 when there is none. Yoga 5 ignores q-values (it takes the
// first listed type), treats "application/json;q=0" as acceptable, answers a missing Accept or */*
// with application/json, and its 406 has no body. Since the watershed (2025-01-01) a missing Accept
// SHOULD mean application/graphql-response+json. This picks the type the subgraphs pick
// (SubgraphKit/Http/GraphQLMediaTypes.cs) and hands Yoga an Accept header naming only that type.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { isGraphQLEndpoint, transportErrorResponse } from './transport-errors.ts';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';
/** Streaming types Yoga serves itself (SSE, incremental delivery); left to it when they win. */
const STREAMING = new Set(['text/event-stream', 'multipart/mixed']);

type Choice = string | 'stream' | null;

/** The response media type for an Accept header; 'stream' to leave it to Yoga; null when nothing fits (406). */
export function negotiate(accept: string | null): Choice {
  if (!accept?.trim()) return GRAPHQL_RESPONSE;
  const ranges = accept.split(',').map((range, index) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, quality: Number.isFinite(quality) ? quality : 0, index };
  });
  // Highest q first; among equals, the order the client listed them in.
  ranges.sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { type, quality } of ranges) {
    if (quality <= 0) continue;
    if (type === GRAPHQL_RESPONSE || type === '*/*' || type === 'application/*') return GRAPHQL_RESPONSE;
    if (type === JSON_TYPE) return JSON_TYPE;
    if (STREAMING.has(type)) return 'stream';
  }
  return null;
}

export function useAcceptNegotiation(): GatewayPlugin {
  return {
    onRequest({ request, endResponse }) {
      if (!isGraphQLEndpoint(request)) return;
      const choice = negotiate(request.headers.get('accept'));
      if (choice === 'stream') return;
      if (choice === null) {
        endResponse(transportErrorResponse(request, 406, 'NOT_ACCEPTABLE',
          `The Accept header must allow ${GRAPHQL_RESPONSE} or ${JSON_TYPE}.`));
        return;
      }
      request.headers.set('accept', choice);
    },
  };
}
