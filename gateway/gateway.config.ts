// gateway.config.ts: Hive Gateway configuration for the roles/patterns/glossary supergraph.
//
// Why this file: `hive-gateway supergraph` loads it (npm start) and the e2e tests start the gateway
// with it. It only wires things together; the code lives in ./plugins/*.ts.
//
// Environment:
//   GATEWAY_HOST (default 127.0.0.1), GATEWAY_PORT (default 4000): where the gateway listens
//     (the CLI's own HOST / PORT variables and --host / --port flags win over these, if set);
//   ROLES_URL, PATTERNS_URL, GLOSSARY_URL: override a subgraph's URL from the committed supergraph;
//   GRAPH_MODE (production|development, default production): the whole system's mode (docs/modes.md);
//   HIVE_ROUTER_RUNTIME (default true): false picks the JS query planner over the Rust one
//     (plugins/router-runtime.ts);
//   GATEWAY_MAX_DEPTH, GATEWAY_MAX_TOKENS, ...: override a request limit (plugins/request-limits.ts);
//   GATEWAY_UPSTREAM_TIMEOUT_MS (default 5000): the longest wait for one subgraph call.
//   FORK=N (Hive's own, the CLI's --fork): N worker processes (plugins/fork-worker-exit.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { renderBananaCakePop, useBananaCakePop } from './plugins/banana-cake-pop.ts';
import { correlationIdOptions, maskedErrors, useCorrelatedErrors } from './plugins/correlation-id.ts';
import { useAcceptNegotiation } from './plugins/accept-negotiation.ts';
import { useForkWorkerExit } from './plugins/fork-worker-exit.ts';
import { graphMode } from './plugins/graph-mode.ts';
import { useHttpMethodCheck } from './plugins/http-methods.ts';
import { useQueryOnlyOverGet } from './plugins/query-only-over-get.ts';
import { useRequestErrorStatus } from './plugins/request-error-status.ts';
import { useRequestParameters } from './plugins/request-parameters.ts';
import { requestLimits, useRequestLimits } from './plugins/request-limits.ts';
import { queryPlanner } from './plugins/router-runtime.ts';
import { useSubgraphUnavailableErrors } from './plugins/subgraph-unavailable.ts';
import { subgraphUrlOverrides } from './plugins/subgraph-urls.ts';
import { retryQueriesOnce, upstreamTimeoutMs, useUpstreamTimeout } from './plugins/upstream-resilience.ts';
import { trustedDocuments } from './plugins/trusted-documents.ts';

const mode = graphMode();
const production = mode === 'production';
const limits = requestLimits();
const masking = maskedErrors(mode);

export const gatewayConfig = defineConfig({
  // The committed contract, produced by compose.mjs. Absolute, so it does not depend on the cwd.
  supergraph: fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),

  host: process.env.GATEWAY_HOST || '127.0.0.1',
  port: Number(process.env.GATEWAY_PORT || 4000),

  // Hive Router's Rust query planner, corrected where its runtime departs from GraphQL execution;
  // the JS planner with HIVE_ROUTER_RUNTIME=false.
  unifiedGraphHandler: queryPlanner(),

  // Subgraph URLs from ROLES_URL / PATTERNS_URL / GLOSSARY_URL, when set.
  transportEntries: subgraphUrlOverrides(),

  // A query (never a mutation) whose subgraph call failed in transport, or timed out (useUpstreamTimeout
  // below, ours: Hive's upstreamTimeout cost a third of the gateway's CPU per request), is sent once more.
  upstreamRetry: retryQueriesOnce,

  // On SIGTERM/SIGINT: stop accepting, let requests in flight finish for up to 10 s (two upstream
  // timeouts: a call and its retry), then close what is left. Hive's default, 0, cuts them off.
  gracefulShutdownTimeout: 10_000,

  // Unexpected errors reach clients as "Unexpected error." with extensions.correlationId, the id the
  // gateway logs the cause with, and a failed subgraph call as "The glossary subgraph is unavailable."
  // with extensions.serviceName; development adds the cause's message and stack.
  maskedErrors: masking,
  requestId: correlationIdOptions,

  // Production: no introspection (Banana Cake Pop then cannot load the schema) and no "did you mean".
  disableIntrospection: production ? {} : undefined,
  blockFieldSuggestions: production,

  // The client's Authorization header goes to every subgraph.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },

  // /healthcheck (process up) and /readiness (supergraph loaded) are built in; named here for clarity.
  healthCheckEndpoint: '/healthcheck',
  readinessCheckEndpoint: '/readiness',

  // TRUSTED_DOCUMENTS=1: only the documents of schema/operations/ run, by id
  // (TRUSTED_DOCUMENTS_MANIFEST=file to use a manifest built by `node operations.mjs manifest`).
  persistedDocuments: trustedDocuments(),

  // Banana Cake Pop instead of Hive Laboratory at GET /graphql for browsers.
  renderGraphiQL: renderBananaCakePop,
  // GraphQL over HTTP as the subgraphs speak it (docs/graphql-over-http.md): methods, Accept,
  // request parameters and their error codes, GET for queries only, status of request errors.
  // useRequestParameters comes before useRequestLimits, which wraps its parser with the body limit.
  // A subgraph that cannot be reached is named in an error, also where no selected field shows its data.
  // With FORK=N, each worker drains and then exits (Hive 2.15.1 kept them alive, or killed them on Ctrl+C).
  plugins: ({ log }) => [
    useBananaCakePop(),
    useHttpMethodCheck(),
    useAcceptNegotiation(),
    useRequestParameters(),
    useRequestLimits(limits),
    useQueryOnlyOverGet(),
    useRequestErrorStatus(),
    useUpstreamTimeout(upstreamTimeoutMs()),
    useSubgraphUnavailableErrors(masking.maskError),
    useCorrelatedErrors(log),
    useForkWorkerExit(),
  ],
});
