// request-limits.ts: what one request may ask of the gateway; values and reasons in docs/limits.md.
//
// Why our own plugin rather than the built-in maxTokens/maxDepth (GraphQL Armor): the same measures
// and error codes as the subgraphs' (SubgraphKit/Limits), an alias and directive limit that Hive
// Gateway 2.15 does not ship, a cost limit checked before any subgraph is called (the built-in
// demandControl adds up cost per subgraph request, during execution; both read the same @cost and
// @listSize), and a request body limit, which Hive Gateway does not have at all. Every violation is a
// GraphQL error with a code and HTTP 400 (413 for the body), before anything executes.
import type { GatewayPlugin } from '@graphql-hive/gateway';
import {
  GraphQLError, Kind, Lexer, Source, TokenKind, getArgumentValues, getNamedType, getNullableType, getVariableValues,
  isInterfaceType, isListType, isObjectType, valueFromASTUntyped, visit,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType,
  type GraphQLSchema, type SelectionSetNode, type ValidationContext,
} from 'graphql';

export interface RequestLimits {
  maxBodyBytes: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** GraphQL.NET's complexity, as the subgraphs count it, with the supergraph's @cost and @listSize (see measure). */
  maxCost: number;
  /** The size assumed for a list field without @listSize. */
  listSize: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxBodyBytes: 100 * 1024,
  maxTokens: 1000,
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 10,
  maxCost: 10_000,
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
function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * A refusal outside validation (in parsing or before execution), which Yoga would answer 200 unless
 * told: `spec` gives it the status of Yoga's own request errors, 400, or 200 for application/json.
 */
function specLimitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400, spec: true } } });
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

/**
 * A chunked body over the limit, but by less than this factor, is read to its end and dropped, so
 * the connection stays usable for the client's next request, as Kestrel does for the subgraphs. A
 * larger one may never end: the connection is cut.
 */
const drainFactor = 8;

/** A chunked body read up to the limit, or the news that it was larger and whether it was cut. */
type LimitedBody = { text: string } | { cut: boolean };

async function readLimited(request: Request, limit: number): Promise<LimitedBody> {
  if (!request.body) return { text: '' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit * drainFactor) return { cut: true };
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? { cut: false } : { text: Buffer.concat(chunks).toString('utf8') };
}

interface Measures { depth: number; cost: number }

/** The arguments of @listSize (Federation 2.9, cost spec v0.1), as the supergraph applies it to a field. */
interface ListSize { assumedSize?: number; slicingArguments?: string[]; sizedFields?: string[] }

/** One document being measured: its fragments, and the operation's variables (coerced, with their defaults). */
interface Measuring {
  schema: GraphQLSchema;
  limits: RequestLimits;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  visiting: Set<string>;
}

/**
 * The arguments of a directive applied to a field in the supergraph: from the field's extensions,
 * where graphql-tools keeps them, or from its AST node, as graphql-js's buildSchema leaves them.
 */
function directiveArguments(field: GraphQLField<unknown, unknown>, name: string): Record<string, unknown> | undefined {
  const fromExtensions = (field.extensions as { directives?: Record<string, unknown> } | undefined)?.directives?.[name];
  if (fromExtensions) return (Array.isArray(fromExtensions) ? fromExtensions[0] : fromExtensions) as Record<string, unknown>;
  const node = field.astNode?.directives?.find((directive) => directive.name.value === name);
  if (!node) return undefined;
  return Object.fromEntries((node.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value)]));
}

/** A field's @cost weight (1 without one) and its @listSize, read off the supergraph once per field. */
interface FieldDemand { weight: number; listSize?: ListSize }

const demands = new WeakMap<GraphQLField<unknown, unknown>, FieldDemand>();

function demandOf(field: GraphQLField<unknown, unknown>): FieldDemand {
  let demand = demands.get(field);
  if (!demand) {
    demand = {
      weight: Number(directiveArguments(field, 'cost')?.weight) || 1,
      listSize: directiveArguments(field, 'listSize') as ListSize | undefined,
    };
    demands.set(field, demand);
  }
  return demand;
}

/**
 * How many items a field with @listSize returns: the first slicing argument that the request sets
 * (literal or variable), else the argument's default, else assumedSize, else the flat list size.
 */
function sliceSize(field: GraphQLField<unknown, unknown>, node: FieldNode, listSize: ListSize, measuring: Measuring): number {
  let values: Record<string, unknown> = {};
  try {
    values = getArgumentValues(field, node, measuring.variables);
  } catch {
    // An invalid argument: validation or execution reports it; count the assumed size meanwhile.
  }
  for (const name of listSize.slicingArguments ?? []) {
    const value = values[name];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return listSize.assumedSize ?? measuring.limits.listSize;
}

/**
 * Depth (nested fields) and cost of one selection set, fragments inlined. Cost is GraphQL.NET's
 * complexity, as the subgraphs count it: each field costs its @cost weight (1 without one) times the
 * sizes of the lists above it. A list field's size is the slicing argument its @listSize names, or
 * its assumedSize; a field whose @listSize names sizedFields (a connection's edges and nodes) gives
 * that size to those fields; any other list counts the flat listSize. `sized` holds the sizes the
 * enclosing field gave to this selection set's fields. Introspection fields (__schema, __type) are
 * left out: introspection is on or off as a whole, by GRAPH_MODE, and the IDE's introspection query
 * is deeper than any data query.
 */
function measure(
  selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, multiplier: number,
  sized: Map<string, number> | undefined, measuring: Measuring,
): Measures {
  const { schema, fragments, visiting } = measuring;
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measures | undefined;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__schema' || name === '__type') continue;
      const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
      const demand = field && demandOf(field);
      cost += (demand?.weight ?? 1) * multiplier;
      if (!selection.selectionSet) {
        depth = Math.max(depth, 1);
        continue;
      }
      let childMultiplier = multiplier;
      let childSized: Map<string, number> | undefined;
      const listSize = demand?.listSize;
      if (sized?.has(name)) {
        childMultiplier *= sized.get(name)!;
      } else if (field && listSize) {
        const size = sliceSize(field, selection, listSize, measuring);
        if (listSize.sizedFields?.length) childSized = new Map(listSize.sizedFields.map((sizedField) => [sizedField, size]));
        else childMultiplier *= size;
      } else if (field && isListType(getNullableType(field.type))) {
        childMultiplier *= measuring.limits.listSize;
      }
      const child = measure(selection.selectionSet, field && getNamedType(field.type), childMultiplier, childSized, measuring);
      depth = Math.max(depth, 1 + child.depth);
      cost += child.cost;
      continue;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      inner = measure(selection.selectionSet, type ?? undefined, multiplier, sized, measuring);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation reports it
      visiting.add(name);
      inner = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, multiplier, sized, measuring);
      visiting.delete(name);
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

/**
 * Depth and cost of a document's operations: the one named, or the most demanding of all. A slicing
 * argument set by a variable counts the variable's value, else its default, else the assumed size.
 */
export function measureDocument(
  schema: GraphQLSchema, document: DocumentNode, limits: RequestLimits,
  variables: Record<string, unknown> = {}, operationName?: string | null,
): Measures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let worst: Measures = { depth: 0, cost: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && definition.name?.value !== operationName) continue;
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    const measuring: Measuring = { schema, limits, fragments, variables: coerced.coerced ?? variables, visiting: new Set() };
    const root = schema.getRootType(definition.operation) ?? undefined;
    const measures = measure(definition.selectionSet, root, 1, undefined, measuring);
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
    // Cost is not checked here: Yoga caches validation per document, and a slicing argument's
    // variable changes the cost from one request to the next (see onExecute).
    const { depth } = measureDocument(context.getSchema(), document, limits);
    if (depth > limits.maxDepth) {
      context.reportError(limitError('MAX_DEPTH_EXCEEDED', `The operation is ${depth} levels deep; the limit of this endpoint is ${limits.maxDepth}.`));
    }
    return {};
  };
}

export function useRequestLimits(limits: RequestLimits): GatewayPlugin {
  // A cut connection is announced (Connection: close): Node would otherwise answer keep-alive and
  // then drop it, and the client's next request on it would fail.
  const tooLarge = (cut: boolean) => new GraphQLError(`The request body is larger than the limit of ${limits.maxBodyBytes} bytes.`, {
    extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413, ...(cut && { headers: { connection: 'close' } }) } },
  });
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      if (length !== null) {
        // Node reads the unread body to its end and drops it, so the connection stays usable.
        if (Number(length) > limits.maxBodyBytes) setRequestParser(() => { throw tooLarge(false); });
        return;
      }
      // No parser for this content type: Yoga refuses it (415), with no body to read.
      if (!requestParser) return;
      // Chunked: keep at most the limit, then hand the text to the usual parser.
      setRequestParser(async (chunked) => {
        const body = await readLimited(chunked, limits.maxBodyBytes);
        if (!('text' in body)) throw tooLarge(body.cut);
        return requestParser(new Request(chunked.url, { method: 'POST', headers: chunked.headers, body: body.text }));
      });
    },
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (countTokens(source, limits.maxTokens + 1) > limits.maxTokens) {
        throw specLimitError('MAX_TOKENS_EXCEEDED', `The document has more than ${limits.maxTokens} tokens, the limit of this endpoint.`);
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(limitsRule(limits));
    },
    // The cost with the slicing arguments that variables set: known only now, before anything executes.
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const { cost } = measureDocument(args.schema, args.document, limits, variables, args.operationName);
      if (cost <= limits.maxCost) return;
      setResultAndStopExecution({
        errors: [specLimitError('MAX_COMPLEXITY_EXCEEDED', `The operation's complexity is ${cost}; the limit of this endpoint is ${limits.maxCost}.`)],
      });
    },
  };
}
