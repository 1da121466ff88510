// apollo-gateway.mjs: Apollo Gateway 2.x on the committed schema/supergraph.graphql, for comparison only.
//
// - `supergraphSdl` is read from the file (no IntrospectAndCompose); subgraph URLs come from ROLES_URL,
//   PATTERNS_URL, GLOSSARY_URL through a custom buildService (RemoteGraphQLDataSource with the mapped URL).
// - Its subgraph calls go through Node's fetch, which keeps connections alive as Hive's do (Apollo's
//   default fetcher is node-fetch 2 without an agent), so the peer is not slowed by connection setup.
// - No @apollo/server: a minimal node:http POST /graphql that parses + validates once per distinct query
//   text (cached, as Apollo Server's document cache does) and hands the request to the gateway executor.
//   GET /readiness answers 200 once the gateway has loaded.
// Env: APOLLO_PORT (default 4300), ROLES_URL, PATTERNS_URL, GLOSSARY_URL.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { parse, validate, getOperationAST } from 'graphql';
import { subgraphUrls } from './subgraph-urls.mjs';

const supergraphSdl = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8');
const urls = subgraphUrls();
const port = Number(process.env.APOLLO_PORT || 4300);

const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url, fetcher: globalThis.fetch }),
});

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const { executor } = await gateway.load();
let schema;
gateway.onSchemaLoadOrUpdate(({ apiSchema }) => { schema = apiSchema; });
if (!schema) schema = gateway.schema;

const documents = new Map(); // query text -> { document, operation, queryHash } | { errors }
function prepare(query, operationName) {
  const key = `${operationName ?? ''}\n${query}`;
  let entry = documents.get(key);
  if (!entry) {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      entry = errors.length
        ? { errors }
        : { document, operation: getOperationAST(document, operationName), queryHash: createHash('sha256').update(query).digest('hex') };
    } catch (error) {
      entry = { errors: [error] };
    }
    documents.set(key, entry);
  }
  return entry;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readiness') return send(res, 200, { ready: true });
  if (req.method !== 'POST' || !req.url.startsWith('/graphql')) return send(res, 404, { error: 'not found' });
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const prepared = prepare(request.query, request.operationName);
      if (prepared.errors) return send(res, 400, { errors: prepared.errors.map((e) => ({ message: e.message })) });
      const result = await executor({
        request: { query: request.query, operationName: request.operationName, variables: request.variables ?? {}, http: { method: 'POST', url: req.url, headers: new Map() } },
        document: prepared.document,
        operation: prepared.operation,
        operationName: prepared.operation?.name?.value ?? null,
        source: request.query,
        queryHash: prepared.queryHash,
        schema,
        schemaHash: 'bench',
        context: {},
        cache: undefined,
        logger,
        metrics: {},
        overallCachePolicy: { restrict() {}, replace() {}, policyIfCacheable: () => null },
      });
      send(res, 200, { data: result.data, ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path })) } : {}) });
    } catch (error) {
      send(res, 500, { errors: [{ message: String(error?.message ?? error) }] });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`Apollo Gateway on http://127.0.0.1:${port}/graphql`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { server.close(); gateway.stop().finally(() => process.exit(0)); });
