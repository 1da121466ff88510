// hive-gateway.config.mjs: Hive Gateway 2.15.1 as a benchmark peer, with Hive Router's Rust query planner
// (@graphql-hive/router-runtime). Only what the row needs to answer correctly: the committed supergraph,
// the bench's subgraph URLs, and the runtime as its unified graph handler. No other plugins.
// Env: HIVE_PORT, and each subgraph's URL variable of subgraphs/subgraphs.json (ROLES_URL, ...).
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { requiredSubgraphUrls } from '../gateway/lib/subgraphs.mjs';

export const gatewayConfig = defineConfig({
  supergraph: fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url)),
  host: '127.0.0.1',
  port: Number(process.env.HIVE_PORT),
  unifiedGraphHandler,
  // Keyed by the subgraph names of @join__graph: each location replaces the supergraph's URL.
  transportEntries: Object.fromEntries(Object.entries(requiredSubgraphUrls()).map(([name, location]) => [name, { location }])),
});
