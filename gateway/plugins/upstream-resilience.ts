// upstream-resilience.ts: how long the gateway waits for a subgraph, and when it asks again.
//
// Why: a subgraph that hangs must not hold the client's request (and a gateway connection) forever,
// and a subgraph call that fails once (a restart, a dropped connection) should not cost the client
// its data. Queries are safe to repeat; mutations are not, so they are never retried. Values and
// reasons in README.md, "Limits".
import type { GatewayConfig } from '@graphql-hive/gateway';
import { getOperationAST, OperationTypeNode } from 'graphql';

type RetryOption = NonNullable<GatewayConfig['upstreamRetry']>;
type RetryPayload = Parameters<Extract<RetryOption, (...args: never[]) => unknown>>[0];

/** GATEWAY_UPSTREAM_TIMEOUT_MS, default 5000: the longest the gateway waits for one subgraph call. */
export function upstreamTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.GATEWAY_UPSTREAM_TIMEOUT_MS?.trim();
  const timeout = value ? Number(value) : 5000;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new Error(`GATEWAY_UPSTREAM_TIMEOUT_MS='${value}' must be a positive number`);
  return timeout;
}

/** One retry, 125 ms later, of a subgraph query that failed in transport (network error, timeout, 5xx, 429). */
export function retryQueriesOnce({ executionRequest }: RetryPayload) {
  const operation = executionRequest.operationType
    ?? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation;
  return operation === OperationTypeNode.QUERY ? { maxRetries: 1, retryDelay: 100 } : undefined;
}
