// The typed client: every trusted operation as a typed document (RolePageDocument, ...) with its result
// and variable types (RolePageQuery, RolePageQueryVariables), and execute(), which runs one by its id.
export * from './generated/graphql.ts';
export { execute, type GraphQLError, type GraphQLResult } from './execute.ts';
