#!/usr/bin/env node
// apollo-reference.mjs: Apollo Gateway on the committed schema/supergraph.graphql, the reference that
// ApolloGatewayDifferentialTests compares our gateway's answers with, and bench/'s Apollo peer. Never served.
//
//   node gateway/apollo-reference.mjs [PORT]      (or APOLLO_PORT; listens on 127.0.0.1 only)
//
// The subgraph URLs come from their variables in subgraphs/subgraphs.json (ROLES_URL, ...), as for the engine. POST /graphql
// takes {query, variables, operationName}; GET /readiness answers 200 once the gateway has loaded.
// A bare node:http handler rather than @apollo/server: the test needs Apollo's planner and executor, not
// a second HTTP layer to tell apart from them, and the bench measures Apollo's gateway at its cheapest.
// Each distinct document is parsed and validated once, as Apollo Server's document cache does.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { getOperationAST, parse, validate } from 'graphql';
import { requiredSubgraphUrls } from './lib/subgraphs.mjs';

const port = Number(process.argv[2] ?? process.env.APOLLO_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('Usage: node apollo-reference.mjs PORT   (or APOLLO_PORT), with every subgraph URL variable of subgraphs/subgraphs.json set');
  process.exit(2);
}

let urls;
try {
  urls = requiredSubgraphUrls();
} catch (error) {
  console.error(`apollo-reference: ${error.message}`);
  process.exit(2);
}

const supergraphSdl = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
const gateway = new ApolloGateway({
  supergraphSdl,
  // Node's own fetch: Apollo's default (node-fetch 2 without an agent) opens a connection per call.
  buildService: ({ name }) => new RemoteGraphQLDataSource({ url: urls[name], fetcher: globalThis.fetch }),
});
const { executor } = await gateway.load();
const schema = gateway.schema;
const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };

const documents = new Map(); // operation name + query text -> { document } | { errors }
function prepare(query, operationName) {
  const key = `${operationName ?? ''}\n${query}`;
  let entry = documents.get(key);
  if (!entry) {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      entry = errors.length ? { errors } : { document };
    } catch (error) {
      entry = { errors: [error] };
    }
    documents.set(key, entry);
  }
  return entry;
}

/** Apollo Server's request pipeline in the few lines the executor needs: parse, validate, execute. */
async function execute({ query, variables, operationName }) {
  const { document, errors } = prepare(query, operationName);
  if (errors) return { status: 400, body: { errors: errors.map((e) => ({ message: e.message })) } };

  const operation = getOperationAST(document, operationName);
  const result = await executor({
    request: { query, operationName, variables: variables ?? {}, http: { method: 'POST', url: '/graphql', headers: new Map() } },
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    source: query,
    queryHash: createHash('sha256').update(query).digest('hex'),
    schema,
    schemaHash: 'reference',
    context: {},
    cache: undefined,
    logger,
    metrics: {},
    overallCachePolicy: { restrict() {}, replace() {}, policyIfCacheable: () => null },
  });
  const body = { data: result.data ?? null };
  if (result.errors?.length) body.errors = result.errors.map((e) => ({ message: e.message, path: e.path }));
  return { status: 200, body };
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readiness') return send(res, 200, { ready: true });
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const { status, body } = await execute(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      send(res, status, body);
    } catch (error) {
      send(res, 500, { errors: [{ message: String(error?.message ?? error) }] });
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log(`Apollo Gateway on http://127.0.0.1:${port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    gateway.stop().finally(() => process.exit(0));
  });
}
