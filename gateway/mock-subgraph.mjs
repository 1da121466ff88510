#!/usr/bin/env node
// mock-subgraph.mjs: a subgraph served from its contract, schema/<name>.graphql, with mocked data, for
// `MOCK_SUBGRAPHS=glossary ./run.sh`: build a page or a client before (or without) the C# service.
//
//   node gateway/mock-subgraph.mjs NAME PORT    GraphQL at http://127.0.0.1:PORT/graphql,
//                                               200 at /health/ready and /health/live
//
// Every value is a function of where it sits (type, key, field, arguments), never of chance or of what
// was asked before, so a query gets the same answer from any process. Entity ids are global ids like
// SubgraphKit's GlobalId ("TypeName:slug", base64url), so the mock and the real subgraphs join up.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { addResolversToSchema as addReferenceResolvers, buildSubgraphSchema } from '@apollo/subgraph';
import { MockStore, addMocksToSchema, isRef, relayStylePaginationMock } from '@graphql-tools/mock';
import { getNamedType, isAbstractType, isEnumType, isObjectType, parse, visit } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';
import { SUBGRAPHS } from './lib/subgraphs.mjs';

const [name, port] = process.argv.slice(2);
const subgraph = SUBGRAPHS.find((s) => s.name === name);
if (!subgraph || !/^\d+$/.test(port ?? '')) {
  console.error(`Usage: node gateway/mock-subgraph.mjs NAME PORT   (NAME: ${SUBGRAPHS.map((s) => s.name).join(', ')})`);
  process.exit(2);
}

// Words to pick from, so names look like the article's. A type not listed gets "<Word> <Type>".
const NAMES = {
  Role: ['Backend Developer', 'API-First Developer', 'Frontend Developer', 'Platform Engineer', 'Mobile Developer', 'Data Engineer'],
  ComparisonAspect: ['Architecture Focus', 'Development Approach', 'Collaboration', 'Testing Strategy', 'Scalability', 'Tooling'],
  Tool: ['Postman', 'SwaggerHub', 'Stoplight', 'Node.js', 'Django', 'Spring', 'PostgreSQL', 'MongoDB'],
  ArchitecturePattern: ['Backend for Frontend', 'Microservices', 'Event-Driven Architecture', 'Headless Backend', 'Serverless Backend', 'GraphQL Federation', 'Monolith'],
  Practice: ['Contract Testing', 'Mock Servers', 'API Versioning', 'Rate Limiting', 'OAuth Authentication', 'API Monitoring', 'Continuous Integration'],
  Term: ['Backend for Frontend', 'API Contract', 'Schema Registry', 'Idempotency', 'Hypermedia as the Engine of Application State', 'Event Sourcing', 'OpenAPI Specification'],
};
const WORDS = ['Atlas', 'Beacon', 'Compass', 'Harbor', 'Meridian', 'Summit'];
const HEADINGS = ['Table of Comparison', 'Defining the API-First Development Approach', 'Understanding Backend Developer Roles in Modern Architecture',
  'Architectural Philosophy: Monolith vs Microservices', 'Tooling and Technology Stack for Each Role', 'Performance and Security Considerations in Both Approaches'];
const SUBJECTS = ['API-first teams', 'Backend developers', 'Frontend developers', 'Platform engineers', 'Product teams'];
const VERBS = ['define', 'publish', 'version', 'test', 'document', 'evolve'];
const OBJECTS = ['the API contract before any code', 'schemas in a shared registry', 'endpoints with clear boundaries',
  'data models behind stable interfaces', 'consumer-driven contract tests', 'server-side logic that scales'];

const hash = (text) => createHash('sha256').update(text).digest().readUInt32BE(0);
const pick = (list, text) => list[hash(text) % list.length];
const kebab = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const words = (text) => text.split(/[\s-]+/).filter(Boolean);
const initials = (text) => words(text).map((word) => word[0].toUpperCase()).join('');
const globalId = (typeName, slug) => Buffer.from(`${typeName}:${slug}`).toString('base64url');

/** The type and slug of a global id, or null for a malformed one (as GlobalId.TryDecode). */
function decodeId(id) {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,512}$/.test(id)) return null;
  const [, typeName, slug] = /^([^:]+):(.+)$/s.exec(Buffer.from(id, 'base64url').toString('utf8')) ?? [];
  return typeName && !/[\0-\x1f]/.test(slug) ? { typeName, slug } : null;
}

const namesOf = (typeName) => NAMES[typeName] ?? WORDS.map((word) => `${word} ${typeName.replace(/(?<=[a-z])(?=[A-Z])/g, ' ')}`);
/** A slug's name: the listed one it was made from ("node-js-2": "Node.js 2"), else its words capitalised. */
function nameOf(typeName, slug) {
  const [, base, round] = /^(.+?)(?:-(\d+))?$/.exec(slug);
  const known = namesOf(typeName).find((n) => kebab(n) === base);
  return known ? [known, round].filter(Boolean).join(' ') : words(slug).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

// Where the store is generating: MockStore calls a mock with the field's arguments alone, so the field it
// fills is kept here (SeededStore sets it), and seed() names the place, counting the values made there.
let at = { typeName: 'Query', key: 'ROOT', fieldName: '', fieldArgs: {}, n: 0 };
const seed = () => `${at.typeName}:${at.key}.${at.fieldName}(${JSON.stringify(at.fieldArgs ?? {})})#${at.n++}`;
function within(place, generate) {
  const outer = at;
  at = { ...place, n: 0 };
  try {
    return generate();
  } finally {
    at = outer;
  }
}

/** The slug a field was asked for: role(slug:), createTool(input: { slug }), termByName(name:) by name or abbreviation. */
function askedSlug(typeName, args) {
  const slug = args?.slug ?? args?.input?.slug;
  if (typeof slug === 'string') return slug;
  if (typeof args?.name !== 'string') return undefined;
  const asked = args.name.toLowerCase();
  const known = namesOf(typeName).find((n) => n.toLowerCase() === asked || initials(n).toLowerCase() === asked);
  return kebab(known ?? args.name);
}

/** The id of a new TYPE record here: the one asked for, else the next name of the list from a place-given start. */
function entityId(typeName) {
  const n = at.n;
  const asked = n === 0 ? askedSlug(typeName, at.fieldArgs) : undefined;
  const names = namesOf(typeName).filter((known) => globalId(typeName, kebab(known)) !== at.key); // no term is its own related term
  const index = (hash(`${at.typeName}:${at.key}.${at.fieldName}`) + n) % names.length;
  const round = Math.floor(n / names.length); // past the list, "Postman 2": a page of 50 has no twins
  seed();
  return globalId(typeName, asked ?? kebab(names[index]) + (round ? `-${round + 1}` : ''));
}

class SeededStore extends MockStore {
  getImpl(args) {
    return args.fieldName ? within(args, () => super.getImpl(args)) : super.getImpl(args);
  }

  // A record without an `id` (a stance, a page) would get a random uuid: its place is its key instead.
  generateKeyForType(typeName) {
    return this.getKeyFieldName(typeName) ? entityId(typeName) : seed();
  }
}

// The committed SDL is the subgraph's `_service { sdl }`, federation's root fields included; buildSubgraphSchema adds its own.
const typeDefs = visit(parse(readFileSync(new URL(`../${subgraph.schema}`, import.meta.url), 'utf8')), {
  FieldDefinition: (field) => (['_service', '_entities'].includes(field.name.value) ? null : undefined),
});
const contract = buildSubgraphSchema([{ typeDefs }]);
const types = Object.values(contract.getTypeMap()).filter((type) => !type.name.startsWith('__'));
const entities = contract.getType('_Entity')?.getTypes() ?? [];
const idEntities = entities.filter((type) => type.getFields().id);
// The records this subgraph owns (those with a slug); an ID that is not a record's own key points at one of them.
const owned = idEntities.filter((type) => type.getFields().slug).map((type) => type.name);

const sentence = (text) => `${pick(SUBJECTS, text + 's')} ${pick(VERBS, text + 'v')} ${pick(OBJECTS, text + 'o')}.`;
const nameHere = () => nameOf(at.typeName, decodeId(at.key)?.slug ?? kebab(pick(namesOf(at.typeName), seed())));
const byField = {
  slug: () => decodeId(at.key)?.slug ?? kebab(nameHere()),
  name: nameHere,
  abbreviations: () => {
    const name = nameHere().replace(/ \d+$/, ''); // "BFF" for "Backend for Frontend 2" too
    return words(name).length > 2 ? [initials(name)] : [];
  },
  heading: () => pick(HEADINGS, seed()),
  anchor: () => kebab(store.get(at.typeName, at.key, 'heading')),
  position: () => 1 + (hash(seed()) % 8),
  version: () => 1 + (hash(seed()) % 3),
  score: () => (hash(seed()) % 1000) / 1000,
};
const byScalar = {
  String: () => sentence(seed()),
  Int: () => hash(seed()) % 100,
  Float: () => (hash(seed()) % 1000) / 100,
  Boolean: () => hash(seed()) % 2 === 0,
  // deleteTool's id is a Tool's; a search hit's, a record of this subgraph's.
  ID: () => {
    const owner = owned.find((typeName) => at.fieldName.endsWith(typeName)) ?? pick(owned.length ? owned : idEntities.map((t) => t.name), seed());
    return entityId(owner);
  },
};
const mocks = { ...byScalar };
for (const type of types) {
  if (isEnumType(type)) mocks[type.name] = () => pick(type.getValues(), seed()).value;
  if (isAbstractType(type)) mocks[type.name] = { __typename: () => pick(contract.getPossibleTypes(type), seed()).name };
  if (isObjectType(type)) mocks[type.name] = Object.fromEntries(Object.keys(type.getFields()).filter((f) => byField[f]).map((f) => [f, byField[f]]));
}

// Only a record's @key `id` keys it in the store; everything else is keyed by its place (SeededStore).
const typePolicies = Object.fromEntries(types.filter((t) => isObjectType(t) && !idEntities.includes(t)).map((t) => [t.name, { keyFieldName: false }]));
const store = new SeededStore({ schema: contract, mocks, typePolicies });

/** The record of a global id, or null when the id is malformed or not of a type that `returnType` allows. */
function recordOf(id, returnType) {
  const type = contract.getType(decodeId(id)?.typeName ?? '');
  return type && isObjectType(type) && contract.isSubType(getNamedType(returnType), type) ? store.get(type.name, id) : null;
}

// A connection pages through 12 to 23 records that its place and filter fix, `first` or `last` of them at a
// time, so cursors from one page work on the next. Its default page size is the contract's, @listSize(assumedSize:).
const page = relayStylePaginationMock(store, {
  allNodesFn: (source, { first, after, last, before, ...filter }, _, info) => {
    const node = getNamedType(getNamedType(info.returnType).getFields().nodes.type).name;
    return within({ typeName: source.$ref.typeName, key: source.$ref.key, fieldName: info.fieldName, fieldArgs: filter }, () =>
      Array.from({ length: 12 + (hash(`${source.$ref.key}.${info.fieldName}`) % 12) }, () => store.get(node, {})));
  },
});
const assumedSize = (field) =>
  field.astNode?.directives?.find((d) => d.name.value === 'listSize')?.arguments?.find((a) => a.name.value === 'assumedSize')?.value.value;
const connections = {};
for (const type of types.filter(isObjectType)) {
  for (const field of Object.values(type.getFields())) {
    const returned = getNamedType(field.type);
    if (!isObjectType(returned) || !returned.getFields().pageInfo) continue;
    const size = Number(assumedSize(field) ?? 10);
    (connections[type.name] ??= {})[field.name] = (parent, args, context, info) => {
      const result = page(parent, { ...args, first: args.first ?? (args.last == null ? size : undefined) }, context, info);
      return { ...result, nodes: result.edges.map((edge) => edge.node) };
    };
  }
}

/** Where a record keyed by other fields than `id` (Search: "query first") is stored: their values, which the gateway sends. */
const storeKey = (fields) => JSON.stringify(Object.entries(fields).filter(([, value]) => value === null || typeof value !== 'object').sort());
const hitValue = (hit, field) => (isRef(hit) ? store.get(hit, field) : hit[field]);
// Federation's own root fields, `_service` and `_entities`, keep buildSubgraphSchema's resolvers.
const federation = Object.fromEntries(Object.values(contract.getQueryType().getFields()).filter((f) => f.name.startsWith('_')).map((f) => [f.name, f.resolve]));
const schema = addMocksToSchema({
  schema: contract,
  store,
  resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' },
  resolvers: {
    ...connections,
    Query: {
      ...connections.Query,
      ...federation,
      node: (_, { id }, __, info) => recordOf(id, info.returnType),
      nodes: (_, { ids }, __, info) => ids.map((id) => recordOf(id, info.returnType)),
      search: (_, { query, first }) => ({ ...store.get('Search', storeKey({ query, first })), query, first }),
    },
    Search: {
      // What the real glossary does: every subgraph's hits (the gateway sends the others'), best first,
      // `first` of them, so real and mocked records are found alike.
      results: (search) => {
        const hits = ['termHits', 'roleHits', 'patternHits'].flatMap((field) => search[field] ?? (isRef(search) ? store.get(search, field) : null) ?? []);
        const unique = [...new Map(hits.map((hit) => [hitValue(hit, 'id'), hitValue(hit, 'score')])).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const best = unique[0]?.[1] || 1;
        return unique.slice(0, search.first).map(([id, score]) => ({ score: Math.round((score / best) * 1000) / 1000, node: recordOf(id, contract.getType('Node')) }));
      },
    },
  },
});

// Entities resolve by key, so the gateway can join mocked records to real ones: by `id`, or by their key fields (Search).
addReferenceResolvers(schema, Object.fromEntries(entities.map((type) => [type.name, {
  __resolveReference: ({ __typename, ...key }) =>
    key.id !== undefined ? store.get(__typename, key.id) : { ...store.get(__typename, storeKey(key)), ...key },
}])));

const graphql = createHandler({ schema });
createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/health/ready' || path === '/health/live') return response.writeHead(200, { 'content-type': 'text/plain' }).end('Healthy');
  if (path !== '/graphql') return response.writeHead(404).end();
  graphql(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`Mock ${name} subgraph (from ${subgraph.schema}) at http://127.0.0.1:${port}/graphql`);
});
