// router-runtime.ts: which query planner the gateway runs, and what the Rust one needs from us.
//
// Why Hive Router's Rust planner by default: bench/ measured it at about 1.5 times the JS planner's
// throughput on the three-subgraph query (bench/README.md). HIVE_ROUTER_RUNTIME, the variable
// Hive's CLI reads, chooses: unset or true (as Hive reads it: 1, t, true, y, yes, on, enabled) is the
// Rust planner, any other value (false, 0, off) the JS planner. Because this config sets the handler,
// the CLI never installs the runtime a second time, unwrapped.
//
// Its runtime (@graphql-hive/router-runtime 1.4.23) differs from GraphQL execution where the
// end-to-end tests look, so it is wrapped:
//   - The planner parses the query text again, and its parser predates the October 2021 spec: it
//     refuses the escapes of a character beyond U+FFFF, "\uD83D\uDE00" (a surrogate pair, as JSON
//     serializers write it) and "\u{1F600}", which graphql-js and the subgraphs accept. The request got
//     500 "Failed to parse query". The planner reads the client's text when the document has one, so
//     it is handed a copy, which it prints instead, with the character written as itself. (A lone
//     surrogate, escaped or raw, is refused by graphql-js's parser before planning: 400
//     GRAPHQL_PARSE_FAILED, as with the JS planner.)
//   - Null propagation and where a failed subgraph call's error goes: result-completion.ts.
//   - It answers a wholly introspective query itself (graphql-js on the supergraph) and plans any
//     other, so __schema or __type beside data fields got null data fields or null introspection,
//     depending on which came first. Such an operation is split in two and the answers merged.
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { getOperationAST, Kind, visit } from 'graphql';
import type { DocumentNode, ExecutionResult, FieldNode, GraphQLError, OperationDefinitionNode, SelectionNode } from 'graphql';
import { completeResult, withTypenames } from './result-completion.ts';
import { subgraphUnavailable } from './subgraph-unavailable.ts';

type HandlerOptions = Parameters<typeof unifiedGraphHandler>[0];
type Handler = Awaited<ReturnType<typeof unifiedGraphHandler>>;
type Executor = NonNullable<Handler['executor']>;

const HIVE_TRUE = ['1', 't', 'true', 'y', 'yes', 'on', 'enabled'];

/** Whether HIVE_ROUTER_RUNTIME leaves the Rust planner on: unset, empty or true. */
function rustPlanner(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.HIVE_ROUTER_RUNTIME?.trim().toLowerCase();
  return !value || HIVE_TRUE.includes(value);
}

/** The gateway's `unifiedGraphHandler`: the wrapped router runtime, or undefined for the JS planner. */
export function queryPlanner(env: NodeJS.ProcessEnv = process.env) {
  return rustPlanner(env) ? routerRuntime : undefined;
}

/** `next` applied to a value, or to what it resolves to (Hive's thenables are not always Promises). */
function then<T, R>(value: T | Promise<T>, next: (value: T) => R): R | Promise<R> {
  return typeof (value as Promise<T>)?.then === 'function' ? (value as Promise<T>).then(next) : next(value as T);
}

function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return Symbol.asyncIterator in value;
}

const isIntrospectionField = (selection: SelectionNode): selection is FieldNode =>
  selection.kind === Kind.FIELD && (selection.name.value === '__schema' || selection.name.value === '__type');

/** An operation with __schema or __type beside data fields, as two documents: its introspection and its data. */
interface MixedOperation { introspection: DocumentNode; data: DocumentNode; keys: string[] }

/**
 * The operation split in two when it mixes introspection with data fields, else undefined. Each part
 * keeps only the fragments and variables its fields use, as a valid document must (no unused ones).
 * `keys` are the operation's top-level response keys in order, to merge the answers as asked.
 */
function splitMixedOperation(document: DocumentNode, operationName: string | null | undefined): MixedOperation | undefined {
  const operation = getOperationAST(document, operationName);
  const selections = operation?.selectionSet.selections ?? [];
  const introspection = selections.filter(isIntrospectionField);
  if (!operation || introspection.length === 0 || introspection.length === selections.length) return undefined;
  const keys = selections.map((selection) => selection.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : '');
  return {
    introspection: withOnly(document, operation, introspection),
    data: withOnly(document, operation, selections.filter((selection) => !isIntrospectionField(selection))),
    keys,
  };
}

/** The document with `operation` cut down to `selections`, and the fragments and variables they use. */
function withOnly(document: DocumentNode, operation: OperationDefinitionNode, selections: readonly SelectionNode[]): DocumentNode {
  const fragments = new Map(document.definitions.flatMap((definition) =>
    definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : []));
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const collect = (node: object) => visit(node as DocumentNode, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (!fragment || usedFragments.has(spread.name.value)) return;
      usedFragments.add(spread.name.value);
      collect(fragment);
    },
    Variable(variable) {
      usedVariables.add(variable.name.value);
    },
  });
  for (const selection of selections) collect(selection);
  for (const directive of operation.directives ?? []) collect(directive);
  const cut: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.filter((definition) => usedVariables.has(definition.variable.name.value)),
    selectionSet: { ...operation.selectionSet, selections },
  };
  return {
    ...document,
    definitions: document.definitions.flatMap((definition) => definition === operation ? [cut]
      : definition.kind === Kind.FRAGMENT_DEFINITION && !usedFragments.has(definition.name.value) ? [] : [definition]),
  };
}

/** The two parts' answers as one, the top-level fields in the order the operation asked for them. */
function mergeAnswers(keys: string[], introspection: ExecutionResult, data: ExecutionResult): ExecutionResult {
  const errors = [...(introspection.errors ?? []), ...(data.errors ?? [])];
  const merged: Record<string, unknown> | null = introspection.data == null || data.data == null ? null : {};
  if (merged) {
    const parts = [introspection.data!, data.data!];
    for (const key of keys) {
      const part = parts.find((answer) => key in answer);
      if (part) merged[key] = part[key];
    }
    // What fragments on the root type selected, after the fields named directly.
    for (const part of parts) for (const key of Object.keys(part)) if (!(key in merged)) merged[key] = part[key];
  }
  return { ...data, data: merged, ...(errors.length > 0 ? { errors } : {}) };
}

async function routerRuntime(options: HandlerOptions): Promise<Handler> {
  options.log?.info('Using Hive Router Runtime (the Rust query planner)');
  // The document of each subgraph call that failed, by the error the call gave.
  const failedCalls = new WeakMap<object, DocumentNode>();
  const handler = await unifiedGraphHandler({
    ...options,
    onSubgraphExecute: (subgraphName, request) => then(options.onSubgraphExecute(subgraphName, request), (result) => {
      if (!isAsyncIterable(result)) {
        for (const error of result.errors ?? []) if (subgraphUnavailable(error)) failedCalls.set(error, request.document);
      }
      return result;
    }),
  });
  const failedCallDocument = (error: GraphQLError) => {
    for (let cause: unknown = error; cause instanceof Error; cause = (cause as GraphQLError).originalError) {
      const document = failedCalls.get(cause);
      if (document) return document;
    }
    return undefined;
  };
  const { executor, unifiedGraph: schema } = handler;
  if (!executor) return handler;
  // Per client document, the one planned: a copy (see above), with the __typenames the completion needs.
  const planned = new WeakMap<DocumentNode, DocumentNode>();
  // Per client document, its split when it mixes introspection with data fields (null when it does not).
  const splits = new WeakMap<DocumentNode, MixedOperation | null>();
  const answeringExecutor = (request: Parameters<Executor>[0]) => {
    let split = splits.get(request.document);
    if (split === undefined) splits.set(request.document, split = splitMixedOperation(request.document, request.operationName) ?? null);
    if (!split) return completingExecutor(request);
    const { keys, introspection, data } = split;
    return then(Promise.all([executor({ ...request, document: introspection }), completingExecutor({ ...request, document: data })]),
      ([introspectionAnswer, dataAnswer]) => mergeAnswers(keys, introspectionAnswer as ExecutionResult, dataAnswer as ExecutionResult));
  };
  const completingExecutor = (request: Parameters<Executor>[0]) => {
    let document = planned.get(request.document);
    if (!document) planned.set(request.document, document = { ...withTypenames(schema, request.document) });
    const plannedDocument = document;
    return then(executor({ ...request, document: plannedDocument }), (result) => isAsyncIterable(result)
      ? result
      : completeResult(schema, plannedDocument, request.operationName, request.variables, result, failedCallDocument));
  };
  // The cast: Executor is generic in the data's type, which a completed result cannot promise.
  return { ...handler, executor: answeringExecutor as Executor };
}
