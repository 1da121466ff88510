// request-limits.ts: what one request may ask of the gateway; values and reasons in README.md, "Limits".
//
// Why our own plugin rather than the built-in maxTokens/maxDepth (GraphQL Armor): the same measures
// and error codes as the subgraphs' (SubgraphKit/Limits), an alias and directive limit that Hive
// Gateway 2.15 does not ship, a cost limit checked before any subgraph is called (the built-in
// demandControl adds up cost per subgraph request, during execution), and a request body limit,
// which Hive Gateway does not have at all. Every violation is a GraphQL error with a code and
// HTTP 400 (413 for the body), before anything executes.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import {
  GraphQLError, Kind, Lexer, Source, TokenKind, getNamedType, getNullableType, isInterfaceType,
  isListType, isObjectType, visit,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface RequestLimits {
  maxBodyBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** GraphQL.NET's complexity, as the subgraphs count it: 1 per field, a list field's children × listSize. */
  maxCost: number;
  listSize: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxBodyBytes: 100 * 1024,
  maxTokens: 1000,
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 10,
  maxCost: 5000,
  listSize: 10,
};

/** DEFAULT_LIMITS, each overridable by an environment variable: GATEWAY_MAX_DEPTH=10 and so on. */
export function requestLimits(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as (keyof RequestLimits)[]) {
    const variable = 'GATEWAY_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
    const value = env[variable]?.trim();
    if (!value) continue;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw new Error(`${variable}='${value}' must be a positive number`);
    limits[key] = number;
  }
  return limits;
}

/**
 * Without an explicit status, Yoga answers a request refused in parsing or validation as the
 * GraphQL-over-HTTP spec says: 400 under graphql-response+json, 200 under application/json.
 */
function limitError(code: string, message: string, status?: number): GraphQLError {
  return new GraphQLError(message, { extensions: status ? { code, http: { status } } : { code } });
}

function countTokens(source: string, stopAt: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count < stopAt && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexical error: the parser reports it, with its location.
  }
  return count;
}

/** Reads a body of unknown length up to the limit; null when it is larger. */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface Measures { depth: number; cost: number }

/**
 * Depth (nested fields) and cost of one selection set, fragments inlined. Introspection fields
 * (__schema, __type) are left out: introspection is on or off as a whole, by GRAPH_MODE, and the
 * IDE's introspection query is deeper than any data query.
 */
function measure(
  schema: GraphQLSchema, selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined,
  multiplier: number, limits: RequestLimits, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>,
): Measures {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measures | undefined;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__schema' || name === '__type') continue;
      const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
      cost += multiplier;
      if (!selection.selectionSet) {
        depth = Math.max(depth, 1);
        continue;
      }
      const childMultiplier = field && isListType(getNullableType(field.type)) ? multiplier * limits.listSize : multiplier;
      const child = measure(schema, selection.selectionSet, field && getNamedType(field.type), childMultiplier, limits, fragments, visiting);
      depth = Math.max(depth, 1 + child.depth);
      cost += child.cost;
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      inner = measure(schema, selection.selectionSet, type, multiplier, limits, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation reports it
      visiting.add(name);
      inner = measure(schema, fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), multiplier, limits, fragments, visiting);
      visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

/** The most demanding operation of a document: its depth and cost. */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, limits: RequestLimits): Measures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let worst: Measures = { depth: 0, cost: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation) ?? undefined;
    const measures = measure(schema, definition.selectionSet, root, 1, limits, fragments, new Set());
    worst = { depth: Math.max(worst.depth, measures.depth), cost: Math.max(worst.cost, measures.cost) };
  }
  return worst;
}

function limitsRule(limits: RequestLimits) {
  return (context: ValidationContext) => {
    const document = context.getDocument();
    let aliases = 0;
    let directives = 0;
    visit(document, {
      Field: (node) => { if (node.alias) aliases++; },
      Directive: () => { directives++; },
    });
    if (aliases > limits.maxAliases) {
      context.reportError(limitError('MAX_ALIASES_EXCEEDED', `The document has ${aliases} aliases; the limit of this endpoint is ${limits.maxAliases}.`));
    }
    if (directives > limits.maxDirectives) {
      context.reportError(limitError('MAX_DIRECTIVES_EXCEEDED', `The document has ${directives} directives; the limit of this endpoint is ${limits.maxDirectives}.`));
    }
    const { depth, cost } = measureDocument(context.getSchema(), document, limits);
    if (depth > limits.maxDepth) {
      context.reportError(limitError('MAX_DEPTH_EXCEEDED', `The operation is ${depth} levels deep; the limit of this endpoint is ${limits.maxDepth}.`));
    } else if (cost > limits.maxCost) {
      context.reportError(limitError('MAX_COMPLEXITY_EXCEEDED', `The operation's complexity is ${cost}; the limit of this endpoint is ${limits.maxCost}.`));
    }
    return {};
  };
}

export function useRequestLimits(limits: RequestLimits): GatewayPlugin {
  const tooLarge = () => limitError('REQUEST_TOO_LARGE', `The request body is larger than the limit of ${limits.maxBodyBytes} bytes.`, 413);
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (Number(length) > limits.maxBodyBytes) setRequestParser(() => { throw tooLarge(); });
        return;
      }
      // Chunked: read at most the limit, then hand the text to the usual parser.
      setRequestParser(async (chunked) => {
        const text = await readLimited(chunked, limits.maxBodyBytes);
        if (text === null) throw tooLarge();
        return requestParser(new Request(chunked.url, { method: 'POST', headers: chunked.headers, body: text }));
      });
    },
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (countTokens(source, limits.maxTokens + 1) > limits.maxTokens) {
        // Yoga gives an error thrown here 200 unless told; `spec` makes it what Yoga says for its
        // own syntax errors: 400, or 200 for application/json.
        throw new GraphQLError(`The document has more than ${limits.maxTokens} tokens, the limit of this endpoint.`, {
          extensions: { code: 'MAX_TOKENS_EXCEEDED', http: { status: 400, spec: true } },
        });
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(limitsRule(limits));
    },
  };
}
