// result-completion.ts: completes a result of Hive's router runtime as GraphQL execution would.
//
// Why: the router runtime (@graphql-hive/router-runtime 1.4.23, the Rust query planner's executor)
// builds the response by projecting the subgraphs' answers onto the operation, and that projection
// leaves out two parts of value completion (spec §6.4.3 Value Completion, §6.4.4 Handling Execution
// Errors) that graphql-js, and so the JS planner, performs:
//   - A null in a non-null position does not make the nearest nullable parent null, and gets no
//     error. When the owning subgraph's _entities gives null for a node the glossary vouched for,
//     `node(id: "Role:no-such-role") { __typename id ... on Role { slug name } }` came back as
//     `{ __typename, id }`: the fragment whose non-null fields are missing was dropped silently.
//     The same bug in Hive Router: graphql-hive/router#1110.
//   - A failed subgraph call's error is put at the entity the call was made for (["role"]), or at no
//     path for a batched call, rather than at the fields the failure left null
//     (["role", "termPerspectives"]), which is where the JS planner and the spec put it.
// completeResult walks the result along the operation, as execution does: it nulls the nearest
// nullable parent of a missing non-null value with graphql-js's error, and moves a failed call's error
// to each field of the call that came back null.
//
// To know which fragments apply to an object of an interface or union type, the walk needs its
// __typename: withTypenames adds one to every such selection set of the document the runtime plans,
// and the walk leaves the added fields out of the response.
import {
  BREAK, GraphQLError, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, TypeInfo, getDirectiveValues, getNamedType,
  getOperationAST, getVariableValues, isAbstractType, isLeafType, isListType, isNonNullType, isObjectType, visit,
  visitWithTypeInfo,
  type DocumentNode, type ExecutionResult, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType,
  type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** The __typename fields withTypenames added: read to type an object, never answered. */
const addedTypenames = new WeakSet<FieldNode>();

/** `document` with `__typename` in every selection set of an interface or union type that lacks it. */
export function withTypenames(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(document, visitWithTypeInfo(typeInfo, {
    SelectionSet(node: SelectionSetNode) {
      const type = typeInfo.getType();
      if (!type || !isAbstractType(getNamedType(type))) return undefined;
      if (node.selections.some((selection) => selection.kind === Kind.FIELD && !selection.alias && selection.name.value === '__typename')) return undefined;
      const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
      addedTypenames.add(typename);
      return { ...node, selections: [typename, ...node.selections] };
    },
  }));
}

/** A null that must reach the nearest nullable parent; its error has been reported. */
const PROPAGATE = Symbol('null propagates');

interface Path { prev: Path | undefined; key: string | number }

function pathArray(path: Path | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse();
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => key === path[i]);
}

/**
 * A failed subgraph call: the errors the runtime made of it (one per entity path it put it at), and
 * what it was to fetch: "Type.responseKey", and "Type.*" for each type.
 */
interface FailedCall { errors: GraphQLError[]; fields: Set<string>; moved: boolean }

/**
 * What a subgraph call fetches: "Type.responseKey" for the fields of each `... on Type` in an
 * `_entities` field (batched calls alias several) and "Type.*" for the type, or "Query.responseKey"
 * for the root fields of a call at the root.
 */
function fetchedFields(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const fields = new Set<string>();
  const operation = getOperationAST(document);
  const root = operation && schema.getRootType(operation.operation);
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value !== '_entities') {
      if (root) fields.add(`${root.name}.${selection.alias?.value ?? selection.name.value}`);
      continue;
    }
    for (const fragment of selection.selectionSet?.selections ?? []) {
      if (fragment.kind !== Kind.INLINE_FRAGMENT || !fragment.typeCondition) continue;
      fields.add(`${fragment.typeCondition.name.value}.*`);
      for (const field of fragment.selectionSet.selections) {
        if (field.kind === Kind.FIELD) fields.add(`${fragment.typeCondition.name.value}.${field.alias?.value ?? field.name.value}`);
      }
    }
  }
  return fields;
}

type CollectedFields = Map<GraphQLObjectType, Map<readonly FieldNode[], Map<string, FieldNode[]>>>;

/**
 * What the walk needs of a planned document, worked out once per document, not per request: its
 * fragments, the root field of each operation (so that the node arrays the collected fields are keyed
 * by are the same objects every time), and the collected fields themselves, unless @skip/@include
 * make them depend on the variables.
 */
interface PlannedDocument {
  fragments: Map<string, FragmentDefinitionNode>;
  rootFields: WeakMap<OperationDefinitionNode, FieldNode>;
  collected?: CollectedFields;
}

const plannedDocuments = new WeakMap<DocumentNode, PlannedDocument>();

function plannedDocument(document: DocumentNode): PlannedDocument {
  let planned = plannedDocuments.get(document);
  if (!planned) {
    let conditional = false;
    visit(document, {
      Directive(node) {
        if (node.name.value !== GraphQLSkipDirective.name && node.name.value !== GraphQLIncludeDirective.name) return undefined;
        conditional = true;
        return BREAK;
      },
    });
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    plannedDocuments.set(document, planned = { fragments, rootFields: new WeakMap(), collected: conditional ? undefined : new Map() });
  }
  return planned;
}

function rootFieldOf(planned: PlannedDocument, operation: OperationDefinitionNode): FieldNode {
  let rootField = planned.rootFields.get(operation);
  if (!rootField) planned.rootFields.set(operation, rootField = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: operation.operation }, selectionSet: operation.selectionSet });
  return rootField;
}

class Completion {
  readonly errors: GraphQLError[] = [];
  private readonly reportedPaths: (readonly (string | number)[])[];
  private readonly collected: CollectedFields;
  private coercedVariables?: Record<string, unknown>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly planned: PlannedDocument,
    private readonly variableDefinitions: Parameters<typeof getVariableValues>[1],
    private readonly variables: Record<string, unknown>,
    private readonly failedCalls: FailedCall[],
    existing: readonly GraphQLError[],
  ) {
    this.collected = planned.collected ?? new Map();
    this.reportedPaths = existing.filter((error) => error.path && !failedCalls.some((call) => call.errors.includes(error))).map((error) => error.path!);
  }

  object(type: GraphQLObjectType, nodes: readonly FieldNode[], value: Record<string, unknown>, path: Path | undefined): Record<string, unknown> | typeof PROPAGATE {
    const result: Record<string, unknown> = {};
    for (const [key, fieldNodes] of this.subfields(type, nodes)) {
      const name = fieldNodes[0].name.value;
      const field = type.getFields()[name];
      if (!field) {
        result[key] = name === '__typename' ? type.name : value[key]; // __typename, or introspection
        continue;
      }
      const fieldPath = { prev: path, key };
      if (value[key] == null && this.failedCalls.length) {
        this.blameFailedCall([type.name, ...type.getInterfaces().map((implemented) => implemented.name)].map((owner) => `${owner}.${key}`), field.type, fieldPath, fieldNodes);
      }
      const completed = this.value(field.type, fieldNodes, value[key], fieldPath, `${type.name}.${name}`);
      if (completed === PROPAGATE) return PROPAGATE;
      result[key] = completed;
    }
    return result;
  }

  private value(type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown, path: Path, coordinate: string): unknown {
    if (isNonNullType(type)) {
      const completed = this.nullable(type.ofType, nodes, value, path, coordinate);
      if (completed != null) return completed; // a value, or a null propagating from below
      // As graphql-js reports it: an Error located at the field, so masked and logged as unexpected.
      const message = `Cannot return null for non-nullable field ${coordinate}.`;
      this.report(new GraphQLError(message, { nodes, path: pathArray(path), originalError: new Error(message) }));
      return PROPAGATE;
    }
    const completed = this.nullable(type, nodes, value, path, coordinate);
    return completed === PROPAGATE ? null : completed;
  }

  private nullable(type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown, path: Path, coordinate: string): unknown {
    if (value == null) return null;
    if (isLeafType(type)) return value;
    if (isListType(type)) {
      if (!Array.isArray(value)) return value;
      const items: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const itemPath = { prev: path, key: i };
        if (value[i] == null && this.failedCalls.length) this.blameFailedCall([], type.ofType, itemPath, nodes);
        const item = this.value(type.ofType, nodes, value[i], itemPath, coordinate);
        if (item === PROPAGATE) return PROPAGATE;
        items[i] = item;
      }
      return items;
    }
    const object = value as Record<string, unknown>;
    const runtimeType = isObjectType(type) ? type : this.schema.getType(String(object.__typename));
    // An object the runtime did not type cannot be completed: it is passed on as it came.
    return isObjectType(runtimeType) ? this.object(runtimeType, nodes, object, path) : value;
  }

  /**
   * A null that a failed call explains gets the call's error, instead of where the runtime put it: a
   * field the call was to fetch (`fields`, as "Type.responseKey"), or an object of a type it was to
   * fetch fields of, which the runtime nulls when one of them is non-null.
   */
  private blameFailedCall(fields: string[], type: GraphQLOutputType, path: Path, nodes: readonly FieldNode[]): void {
    const named = getNamedType(type);
    if (isObjectType(named)) fields.push(`${named.name}.*`);
    const call = this.failedCalls.find((failed) => fields.some((field) => failed.fields.has(field)));
    if (!call) return;
    call.moved = true;
    const at = pathArray(path);
    const [error] = call.errors;
    this.errors.push(new GraphQLError(error.message, { nodes, path: at, originalError: error, extensions: error.extensions }));
    this.reportedPaths.push(at);
  }

  /** A null's error, unless one was reported at that field or above it (spec: one error per field). */
  private report(error: GraphQLError): void {
    if (this.reportedPaths.some((reported) => startsWith(error.path!, reported))) return;
    this.errors.push(error);
    this.reportedPaths.push(error.path!);
  }

  /**
   * CollectFields (spec §6.3.2) for an object of `type`, over the selection sets of `nodes`: once per
   * document, or once per request when @skip/@include make the fields depend on the variables.
   */
  private subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
    let byNodes = this.collected.get(type);
    if (!byNodes) this.collected.set(type, byNodes = new Map());
    let fields = byNodes.get(nodes);
    if (!fields) {
      fields = new Map();
      for (const node of nodes) if (node.selectionSet) this.collect(type, node.selectionSet, fields, new Set());
      for (const [key, fieldNodes] of fields) if (fieldNodes.every((node) => addedTypenames.has(node))) fields.delete(key);
      byNodes.set(nodes, fields);
    }
    return fields;
  }

  private collect(type: GraphQLObjectType, selectionSet: SelectionSetNode, fields: Map<string, FieldNode[]>, spread: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const same = fields.get(key);
        if (same) same.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type)) this.collect(type, selection.selectionSet, fields, spread);
      } else {
        const fragment = this.planned.fragments.get(selection.name.value);
        if (!fragment || spread.has(fragment.name.value) || !this.applies(fragment.typeCondition.name.value, type)) continue;
        spread.add(fragment.name.value);
        this.collect(type, fragment.selectionSet, fields, spread);
      }
    }
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return conditionType != null && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private included(selection: SelectionSetNode['selections'][number]): boolean {
    if (!selection.directives?.length) return true;
    const variables = this.coercedVariables ??= getVariableValues(this.schema, this.variableDefinitions, this.variables).coerced ?? {};
    return getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if !== true
      && getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  }
}

/**
 * The runtime's result for `document` (as withTypenames made it), completed. `failedCallDocument`
 * gives, for an error of the result, the document of the failed subgraph call it reports.
 */
export function completeResult(
  schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined,
  result: ExecutionResult, failedCallDocument: (error: GraphQLError) => DocumentNode | undefined,
): ExecutionResult {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!result.data || !operation || !root) return result;
  const existing = result.errors ?? [];
  const failedCalls = new Map<DocumentNode, FailedCall>();
  for (const error of existing) {
    const call = failedCallDocument(error);
    if (!call) continue;
    const failed = failedCalls.get(call);
    if (failed) failed.errors.push(error);
    else failedCalls.set(call, { errors: [error], fields: fetchedFields(schema, call), moved: false });
  }
  const calls = [...failedCalls.values()];
  const planned = plannedDocument(document);
  const completion = new Completion(schema, planned, operation.variableDefinitions ?? [], variables ?? {}, calls, existing);
  const data = completion.object(root, [rootFieldOf(planned, operation)], result.data as Record<string, unknown>, undefined);
  // A failed call's error stays where the runtime put it if no field of the call came back null.
  const kept = existing.filter((error) => !calls.some((call) => call.moved && call.errors.includes(error)));
  const errors = [...kept, ...completion.errors];
  return { ...result, data: data === PROPAGATE ? null : data, ...(errors.length ? { errors } : {}) };
}
