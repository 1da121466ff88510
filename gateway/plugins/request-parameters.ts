// request-parameters.ts: reads the GraphQL request's parameters from GET and POST, refusing a
// malformed one with the subgraphs' status and code (SubgraphKit/Http/GraphQLHttpEndpoint.cs).
//
// Why our own parser rather than Yoga's:
//   - GraphQL-over-HTTP §GET: `variables` and `extensions` are JSON-encoded objects. Yoga's GET
//     parser calls JSON.parse on them unguarded, so a malformed one became a 500 with a stack trace
//     (found by GatewayFuzzTests): now 400 INVALID_REQUEST.
//   - §POST: the server MUST accept application/json and MAY accept other types. Yoga also runs
//     application/graphql and application/x-www-form-urlencoded bodies; the subgraphs do not, and a
//     form post is a "simple" cross-site request a browser sends without a CORS preflight. So every
//     other Content-Type (or none) is 415 UNSUPPORTED_MEDIA_TYPE, with an error body (Yoga's had none).
//   - A body that is not JSON, or not an object of the four parameters with the right types (a
//     batch array too: neither the spec nor the subgraphs run batches), is 400 INVALID_JSON. Yoga
//     said BAD_REQUEST and put the JSON parser's own message in extensions.originalError.
//   - No `query` (absent, null, empty) is 400 QUERY_MISSING under both media types: such a request
//     is not well-formed, so the spec's "200 for application/json" does not apply (Yoga gave 200).
// A request that names a trusted document (extensions.persistedQuery, documentId) needs no query:
// plugins/trusted-documents.ts resolves it.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { transportError } from './transport-errors.ts';

type Params = Record<string, unknown>;

const SHAPE = "send an object with a 'query' string and optional 'operationName' (string), 'variables' and 'extensions' (objects)";

const queryMissing = () =>
  transportError(400, 'QUERY_MISSING', "The request has no 'query'. Send the GraphQL document as a string in 'query'.");

const invalidJson = (problem: string) => transportError(400, 'INVALID_JSON', `${problem}: ${SHAPE}.`);

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namesTrustedDocument(params: Params): boolean {
  const persisted = isObject(params.extensions) ? params.extensions.persistedQuery : undefined;
  return isObject(persisted) || (typeof params.documentId === 'string' && params.documentId !== '');
}

/** The parameters Yoga runs, or the refusal; `query` must be a non-empty string unless a trusted document is named. */
function checked(params: Params): Params {
  if (!namesTrustedDocument(params) && (params.query == null || params.query === '')) throw queryMissing();
  if (params.query != null && typeof params.query !== 'string') throw invalidJson("'query' is not a string");
  if (params.operationName != null && typeof params.operationName !== 'string') throw invalidJson("'operationName' is not a string");
  for (const name of ['variables', 'extensions']) {
    if (params[name] != null && !isObject(params[name])) throw invalidJson(`'${name}' is not an object`);
  }
  const { query, operationName, variables, extensions, documentId } = params;
  return { query: query || undefined, operationName: operationName ?? undefined, variables: variables ?? undefined, extensions: extensions ?? undefined, documentId };
}

function parseGet(request: Request): Params {
  const search = new URL(request.url).searchParams;
  const json = (name: string): unknown => {
    const text = search.get(name);
    if (text === null || text === '') return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || isObject(value)) return value;
    } catch {
      // Reported below, like a value of the wrong type.
    }
    throw transportError(400, 'INVALID_REQUEST', "The 'variables' and 'extensions' parameters must be JSON objects.");
  };
  return checked({
    query: search.get('query'),
    operationName: search.get('operationName') || undefined,
    variables: json('variables'),
    extensions: json('extensions'),
    documentId: search.get('documentId') || undefined,
  });
}

async function parsePost(request: Request): Promise<Params> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw invalidJson('The request body is not valid JSON');
  }
  if (!isObject(body)) throw invalidJson(Array.isArray(body) ? 'Batches (JSON arrays) are not supported' : 'The request body is not a JSON object');
  return checked(body);
}

function isJsonContentType(contentType: string | null): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

export function useRequestParameters(): GatewayPlugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === 'GET') {
        setRequestParser(parseGet);
      } else if (request.method === 'POST') {
        const contentType = request.headers.get('content-type');
        setRequestParser(isJsonContentType(contentType) ? parsePost : () => {
          throw transportError(415, 'UNSUPPORTED_MEDIA_TYPE', `POST requests must have Content-Type application/json; got '${contentType ?? 'none'}'.`);
        });
      }
    },
  };
}
