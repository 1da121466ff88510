/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a pattern shapes: the application's structure, how services integrate, the API's design, or deployment. */
export type PatternCategory =
  | 'API_DESIGN'
  | 'APPLICATION_STRUCTURE'
  | 'DEPLOYMENT'
  | 'SERVICE_INTEGRATION';

/** The concern a practice serves. */
export type PracticeCategory =
  | 'DOCUMENTATION'
  | 'LIFECYCLE'
  | 'PERFORMANCE'
  | 'SECURITY'
  | 'TESTING';

/** FAVOURS: the article says the role prefers or advocates the pattern. WORKS_WITH: the role builds with it, but it is not its emphasis. LESS_SUITED: the article contrasts the role against it. */
export type RolePreference =
  | 'FAVOURS'
  | 'LESS_SUITED'
  | 'WORKS_WITH';

/** RELATED_IMPORTANT_TERM: one of the article's ten "Related Important Terms". CONCEPT: a concept the article relies on. */
export type TermKind =
  | 'CONCEPT'
  | 'RELATED_IMPORTANT_TERM';

/** What kind of technology a tool is. */
export type ToolCategory =
  | 'API_DESIGN'
  | 'API_SPECIFICATION'
  | 'API_TESTING'
  | 'BACKEND_FRAMEWORK'
  | 'DATABASE'
  | 'IDE';

export type ComparisonAspectBySlugQueryVariables = Exact<{
  slug: string;
}>;


export type ComparisonAspectBySlugQuery = { comparisonAspect: { slug: string, name: string, position: number, stances: Array<{ text: string, role: { slug: string, name: string } }>, source: { heading: string, anchor: string } } | null };

export type ComparisonTableQueryVariables = Exact<{ [key: string]: never; }>;


export type ComparisonTableQuery = { comparisonTable: { nodes: Array<{ slug: string, position: number, name: string, stances: Array<{ text: string, role: { slug: string, name: string } }> }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'ArchitecturePattern', slug: string, name: string, id: string }
    | { __typename: 'ComparisonAspect', slug: string, name: string, id: string }
    | { __typename: 'Practice', slug: string, name: string, id: string }
    | { __typename: 'Role', slug: string, name: string, id: string }
    | { __typename: 'Term', slug: string, name: string, id: string }
    | { __typename: 'Tool', slug: string, name: string, id: string }
   | null };

export type PatternPageQueryVariables = Exact<{
  slug: string;
}>;


export type PatternPageQuery = { pattern: { slug: string, name: string, category: PatternCategory, summary: string, benefits: Array<string>, tradeOffs: Array<string>, roleStances: Array<{ preference: RolePreference, rationale: string, role: { slug: string, name: string } | null }>, practices: Array<{ slug: string, name: string, category: PracticeCategory }>, describedBy: Array<{ slug: string, name: string, abbreviations: Array<string> }> | null, relatedTerms: Array<{ slug: string, name: string } | null>, source: { heading: string, anchor: string } } | null };

export type PatternsByCategoryQueryVariables = Exact<{
  category?: PatternCategory | null | undefined;
}>;


export type PatternsByCategoryQuery = { patterns: { totalCount: number, nodes: Array<{ slug: string, name: string, category: PatternCategory, summary: string, roleStances: Array<{ preference: RolePreference, role: { slug: string, name: string } | null }> }> } };

export type PracticePageQueryVariables = Exact<{
  slug: string;
}>;


export type PracticePageQuery = { practice: { slug: string, name: string, category: PracticeCategory, summary: string, patterns: Array<{ slug: string, name: string }>, roles: Array<{ slug: string, name: string } | null>, tools: Array<{ slug: string, name: string, category: ToolCategory } | null>, relatedTerms: Array<{ slug: string, name: string } | null>, source: { heading: string, anchor: string } } | null };

export type PracticesByCategoryQueryVariables = Exact<{
  category?: PracticeCategory | null | undefined;
}>;


export type PracticesByCategoryQuery = { practices: { totalCount: number, nodes: Array<{ slug: string, name: string, category: PracticeCategory, summary: string }> } };

export type RoleComparisonColumnQueryVariables = Exact<{
  slug: string;
}>;


export type RoleComparisonColumnQuery = { role: { slug: string, name: string, comparison: Array<{ text: string, aspect: { slug: string, name: string, position: number } }> } | null };

export type RoleListQueryVariables = Exact<{ [key: string]: never; }>;


export type RoleListQuery = { roles: { nodes: Array<{ slug: string, name: string, summary: string, focus: string, favouredPatterns: Array<{ slug: string, name: string }> | null, practices: Array<{ slug: string, name: string }> | null }> } };

export type RoleOverviewQueryVariables = Exact<{
  slug: string;
}>;


export type RoleOverviewQuery = { role: { slug: string, name: string, summary: string, focus: string, responsibilities: Array<string>, advantages: Array<string>, challenges: Array<string>, careerOutlook: string, source: { heading: string, anchor: string } } | null };

export type RolePageQueryVariables = Exact<{
  slug: string;
}>;


export type RolePageQuery = { role: { slug: string, name: string, summary: string, tools: Array<{ slug: string, name: string, category: ToolCategory }>, favouredPatterns: Array<{ slug: string, name: string, describedBy: Array<{ slug: string, name: string, abbreviations: Array<string> }> | null }> | null, termPerspectives: Array<{ text: string, term: { slug: string, name: string } }> | null, source: { heading: string } } | null };

export type RoleToRelatedTermsQueryVariables = Exact<{
  slug: string;
}>;


export type RoleToRelatedTermsQuery = { role: { name: string, favouredPatterns: Array<{ name: string, describedBy: Array<{ name: string, relatedTerms: Array<{ name: string }> }> | null }> | null } | null };

export type RoleToolsQueryVariables = Exact<{
  slug: string;
}>;


export type RoleToolsQuery = { role: { slug: string, name: string, tools: Array<{ slug: string, name: string, category: ToolCategory, description: string, practices: Array<{ slug: string, name: string }> | null }> } | null };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: { results: Array<{ score: number, node:
        | { __typename: 'ArchitecturePattern', slug: string, name: string, id: string }
        | { __typename: 'ComparisonAspect', slug: string, name: string, id: string }
        | { __typename: 'Practice', slug: string, name: string, id: string }
        | { __typename: 'Role', slug: string, name: string, id: string }
        | { __typename: 'Term', slug: string, name: string, id: string }
        | { __typename: 'Tool', slug: string, name: string, id: string }
       | null }> | null } | null };

export type TermByAbbreviationQueryVariables = Exact<{
  name: string;
}>;


export type TermByAbbreviationQuery = { termByName: { name: string, abbreviations: Array<string>, definition: string, patterns: Array<{ name: string, roleStances: Array<{ preference: RolePreference, rationale: string, role: { name: string } | null }> } | null>, perspectives: Array<{ text: string, role: { name: string } | null }>, source: { heading: string } } | null };

export type TermPageQueryVariables = Exact<{
  slug: string;
}>;


export type TermPageQuery = { term: { slug: string, name: string, abbreviations: Array<string>, kind: TermKind, definition: string, perspectives: Array<{ text: string, role: { slug: string, name: string } | null }>, patterns: Array<{ slug: string, name: string } | null>, practices: Array<{ slug: string, name: string }> | null, relatedTerms: Array<{ slug: string, name: string, abbreviations: Array<string> }>, source: { heading: string, anchor: string } } | null };

export type TermsByKindQueryVariables = Exact<{
  kind?: TermKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TermsByKindQuery = { terms: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { slug: string, name: string, abbreviations: Array<string>, kind: TermKind } | null }> } };

export type ToolPageQueryVariables = Exact<{
  slug: string;
}>;


export type ToolPageQuery = { tool: { slug: string, name: string, category: ToolCategory, description: string, roles: Array<{ slug: string, name: string }>, practices: Array<{ slug: string, name: string, category: PracticeCategory }> | null, source: { heading: string, anchor: string } } | null };

export type ToolsByCategoryQueryVariables = Exact<{
  category?: ToolCategory | null | undefined;
}>;


export type ToolsByCategoryQuery = { tools: { totalCount: number, nodes: Array<{ slug: string, name: string, category: ToolCategory, description: string, roles: Array<{ slug: string, name: string }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ComparisonAspectBySlugDocument = {"__meta__":{"hash":"sha256:a0b43910480451ad00ba9c455739c419a2481d960c18dcb72957c304b7a0d4f5"}} as unknown as TypedDocumentString<ComparisonAspectBySlugQuery, ComparisonAspectBySlugQueryVariables>;
export const ComparisonTableDocument = {"__meta__":{"hash":"sha256:665c6b6dbe18e27850ea5ffd41741217092da47d75cc5904ef41ae02702410e1"}} as unknown as TypedDocumentString<ComparisonTableQuery, ComparisonTableQueryVariables>;
export const NodeByIdDocument = {"__meta__":{"hash":"sha256:05ae78df0916cb7b30e9331a5d85674fe5319f7ae833934e6ba842cd874a9267"}} as unknown as TypedDocumentString<NodeByIdQuery, NodeByIdQueryVariables>;
export const PatternPageDocument = {"__meta__":{"hash":"sha256:9651129e82655b946f5488293aff2cbd3f419742be0838dcec0e719caf31e029"}} as unknown as TypedDocumentString<PatternPageQuery, PatternPageQueryVariables>;
export const PatternsByCategoryDocument = {"__meta__":{"hash":"sha256:4ce4c64391ef7d3dceb650af6370d20da9360a2320fa452c06c7601e27c1d380"}} as unknown as TypedDocumentString<PatternsByCategoryQuery, PatternsByCategoryQueryVariables>;
export const PracticePageDocument = {"__meta__":{"hash":"sha256:3b43911a2892e9615e1f868c9eaf8effab738a77670b6ae03a3b61c3eee61103"}} as unknown as TypedDocumentString<PracticePageQuery, PracticePageQueryVariables>;
export const PracticesByCategoryDocument = {"__meta__":{"hash":"sha256:066bff4c353479cf1e560ec7894de450c3e4908e04db1d366d5239401db42f04"}} as unknown as TypedDocumentString<PracticesByCategoryQuery, PracticesByCategoryQueryVariables>;
export const RoleComparisonColumnDocument = {"__meta__":{"hash":"sha256:065f550d7b26fa338714d4a7644eb529cd654ce4469e1b7bfe400af3462ea1ee"}} as unknown as TypedDocumentString<RoleComparisonColumnQuery, RoleComparisonColumnQueryVariables>;
export const RoleListDocument = {"__meta__":{"hash":"sha256:6a14039df1aaef3865937a9ced706ed54174a1f4ed8dbe44b06ed37a28f6b527"}} as unknown as TypedDocumentString<RoleListQuery, RoleListQueryVariables>;
export const RoleOverviewDocument = {"__meta__":{"hash":"sha256:445363d885fdca7cc1eb83259d07554835951f77262070a682e5b752067aa5be"}} as unknown as TypedDocumentString<RoleOverviewQuery, RoleOverviewQueryVariables>;
export const RolePageDocument = {"__meta__":{"hash":"sha256:28d6a57822bf437c2ed9f0416189662fa66c718aeb65dea1e596d4ef046c7061"}} as unknown as TypedDocumentString<RolePageQuery, RolePageQueryVariables>;
export const RoleToRelatedTermsDocument = {"__meta__":{"hash":"sha256:a6d65b0635799939b1a73a71e56b1594a367e1ba2ab9a32e32960bb143b0ea1a"}} as unknown as TypedDocumentString<RoleToRelatedTermsQuery, RoleToRelatedTermsQueryVariables>;
export const RoleToolsDocument = {"__meta__":{"hash":"sha256:c6e6a229053030d437a0398b3e8cc5ec845a2f5066886aac249cb267e55d0f85"}} as unknown as TypedDocumentString<RoleToolsQuery, RoleToolsQueryVariables>;
export const SearchDocument = {"__meta__":{"hash":"sha256:46b0e0cade2087380038b3c43121192b7b14bec67aa789e7db87a320f8bd311b"}} as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const TermByAbbreviationDocument = {"__meta__":{"hash":"sha256:cc4bc232022345136332a4a4f65e404fca0068ef05708ed0d25e92453393ca84"}} as unknown as TypedDocumentString<TermByAbbreviationQuery, TermByAbbreviationQueryVariables>;
export const TermPageDocument = {"__meta__":{"hash":"sha256:f7910d53094c8475fc30aa92cdac399f59df2402b3aa49e36e95b5c9b54136b3"}} as unknown as TypedDocumentString<TermPageQuery, TermPageQueryVariables>;
export const TermsByKindDocument = {"__meta__":{"hash":"sha256:6ef7fea0e61809f7c39b0f3cbb1967a51539540a385d7af80d0e7dc102091ce6"}} as unknown as TypedDocumentString<TermsByKindQuery, TermsByKindQueryVariables>;
export const ToolPageDocument = {"__meta__":{"hash":"sha256:da86835420d2467b8f98b5b929cfeeb91ce1b9660fd2bf789d097c68a0750a08"}} as unknown as TypedDocumentString<ToolPageQuery, ToolPageQueryVariables>;
export const ToolsByCategoryDocument = {"__meta__":{"hash":"sha256:d146901e5ec47ec65c15f000b272b4165492ed96f4c64e9d0232732ecd6bbc2d"}} as unknown as TypedDocumentString<ToolsByCategoryQuery, ToolsByCategoryQueryVariables>;