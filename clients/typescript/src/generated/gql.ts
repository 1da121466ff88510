/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ComparisonAspectBySlug($slug: String!) {\n  comparisonAspect(slug: $slug) {\n    slug\n    name\n    position\n    stances {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.ComparisonAspectBySlugDocument,
    "query ComparisonTable {\n  comparisonTable {\n    nodes {\n      slug\n      position\n      name\n      stances {\n        role {\n          slug\n          name\n        }\n        text\n      }\n    }\n  }\n}": typeof types.ComparisonTableDocument,
    "query NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Role {\n      slug\n      name\n    }\n    ... on ComparisonAspect {\n      slug\n      name\n    }\n    ... on Tool {\n      slug\n      name\n    }\n    ... on ArchitecturePattern {\n      slug\n      name\n    }\n    ... on Practice {\n      slug\n      name\n    }\n    ... on Term {\n      slug\n      name\n    }\n  }\n}": typeof types.NodeByIdDocument,
    "query PatternPage($slug: String!) {\n  pattern(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    benefits\n    tradeOffs\n    roleStances {\n      role {\n        slug\n        name\n      }\n      preference\n      rationale\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    describedBy {\n      slug\n      name\n      abbreviations\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.PatternPageDocument,
    "query PatternsByCategory($category: PatternCategory) {\n  patterns(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n      roleStances {\n        role {\n          slug\n          name\n        }\n        preference\n      }\n    }\n  }\n}": typeof types.PatternsByCategoryDocument,
    "query PracticePage($slug: String!) {\n  practice(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    patterns {\n      slug\n      name\n    }\n    roles {\n      slug\n      name\n    }\n    tools {\n      slug\n      name\n      category\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.PracticePageDocument,
    "query PracticesByCategory($category: PracticeCategory) {\n  practices(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n    }\n  }\n}": typeof types.PracticesByCategoryDocument,
    "query RoleComparisonColumn($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    comparison {\n      aspect {\n        slug\n        name\n        position\n      }\n      text\n    }\n  }\n}": typeof types.RoleComparisonColumnDocument,
    "query RoleList {\n  roles {\n    nodes {\n      slug\n      name\n      summary\n      focus\n      favouredPatterns {\n        slug\n        name\n      }\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}": typeof types.RoleListDocument,
    "query RoleOverview($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    focus\n    responsibilities\n    advantages\n    challenges\n    careerOutlook\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.RoleOverviewDocument,
    "query RolePage($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    tools {\n      slug\n      name\n      category\n    }\n    favouredPatterns {\n      slug\n      name\n      describedBy {\n        slug\n        name\n        abbreviations\n      }\n    }\n    termPerspectives {\n      term {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}": typeof types.RolePageDocument,
    "query RoleToRelatedTerms($slug: String!) {\n  role(slug: $slug) {\n    name\n    favouredPatterns {\n      name\n      describedBy {\n        name\n        relatedTerms {\n          name\n        }\n      }\n    }\n  }\n}": typeof types.RoleToRelatedTermsDocument,
    "query RoleTools($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    tools {\n      slug\n      name\n      category\n      description\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}": typeof types.RoleToolsDocument,
    "query Search($query: String!, $first: Int = 10) {\n  search(query: $query, first: $first) {\n    results {\n      score\n      node {\n        __typename\n        id\n        ... on Role {\n          slug\n          name\n        }\n        ... on ComparisonAspect {\n          slug\n          name\n        }\n        ... on Tool {\n          slug\n          name\n        }\n        ... on ArchitecturePattern {\n          slug\n          name\n        }\n        ... on Practice {\n          slug\n          name\n        }\n        ... on Term {\n          slug\n          name\n        }\n      }\n    }\n  }\n}": typeof types.SearchDocument,
    "query TermByAbbreviation($name: String!) {\n  termByName(name: $name) {\n    name\n    abbreviations\n    definition\n    patterns {\n      name\n      roleStances {\n        role {\n          name\n        }\n        preference\n        rationale\n      }\n    }\n    perspectives {\n      role {\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}": typeof types.TermByAbbreviationDocument,
    "query TermPage($slug: String!) {\n  term(slug: $slug) {\n    slug\n    name\n    abbreviations\n    kind\n    definition\n    perspectives {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    patterns {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    relatedTerms {\n      slug\n      name\n      abbreviations\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.TermPageDocument,
    "query TermsByKind($kind: TermKind, $first: Int = 20, $after: String) {\n  terms(where: {kind: {eq: $kind}}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        abbreviations\n        kind\n      }\n    }\n  }\n}": typeof types.TermsByKindDocument,
    "query ToolPage($slug: String!) {\n  tool(slug: $slug) {\n    slug\n    name\n    category\n    description\n    roles {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": typeof types.ToolPageDocument,
    "query ToolsByCategory($category: ToolCategory) {\n  tools(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      description\n      roles {\n        slug\n        name\n      }\n    }\n  }\n}": typeof types.ToolsByCategoryDocument,
};
const documents: Documents = {
    "query ComparisonAspectBySlug($slug: String!) {\n  comparisonAspect(slug: $slug) {\n    slug\n    name\n    position\n    stances {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.ComparisonAspectBySlugDocument,
    "query ComparisonTable {\n  comparisonTable {\n    nodes {\n      slug\n      position\n      name\n      stances {\n        role {\n          slug\n          name\n        }\n        text\n      }\n    }\n  }\n}": types.ComparisonTableDocument,
    "query NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Role {\n      slug\n      name\n    }\n    ... on ComparisonAspect {\n      slug\n      name\n    }\n    ... on Tool {\n      slug\n      name\n    }\n    ... on ArchitecturePattern {\n      slug\n      name\n    }\n    ... on Practice {\n      slug\n      name\n    }\n    ... on Term {\n      slug\n      name\n    }\n  }\n}": types.NodeByIdDocument,
    "query PatternPage($slug: String!) {\n  pattern(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    benefits\n    tradeOffs\n    roleStances {\n      role {\n        slug\n        name\n      }\n      preference\n      rationale\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    describedBy {\n      slug\n      name\n      abbreviations\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.PatternPageDocument,
    "query PatternsByCategory($category: PatternCategory) {\n  patterns(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n      roleStances {\n        role {\n          slug\n          name\n        }\n        preference\n      }\n    }\n  }\n}": types.PatternsByCategoryDocument,
    "query PracticePage($slug: String!) {\n  practice(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    patterns {\n      slug\n      name\n    }\n    roles {\n      slug\n      name\n    }\n    tools {\n      slug\n      name\n      category\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.PracticePageDocument,
    "query PracticesByCategory($category: PracticeCategory) {\n  practices(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n    }\n  }\n}": types.PracticesByCategoryDocument,
    "query RoleComparisonColumn($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    comparison {\n      aspect {\n        slug\n        name\n        position\n      }\n      text\n    }\n  }\n}": types.RoleComparisonColumnDocument,
    "query RoleList {\n  roles {\n    nodes {\n      slug\n      name\n      summary\n      focus\n      favouredPatterns {\n        slug\n        name\n      }\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}": types.RoleListDocument,
    "query RoleOverview($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    focus\n    responsibilities\n    advantages\n    challenges\n    careerOutlook\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.RoleOverviewDocument,
    "query RolePage($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    tools {\n      slug\n      name\n      category\n    }\n    favouredPatterns {\n      slug\n      name\n      describedBy {\n        slug\n        name\n        abbreviations\n      }\n    }\n    termPerspectives {\n      term {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}": types.RolePageDocument,
    "query RoleToRelatedTerms($slug: String!) {\n  role(slug: $slug) {\n    name\n    favouredPatterns {\n      name\n      describedBy {\n        name\n        relatedTerms {\n          name\n        }\n      }\n    }\n  }\n}": types.RoleToRelatedTermsDocument,
    "query RoleTools($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    tools {\n      slug\n      name\n      category\n      description\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}": types.RoleToolsDocument,
    "query Search($query: String!, $first: Int = 10) {\n  search(query: $query, first: $first) {\n    results {\n      score\n      node {\n        __typename\n        id\n        ... on Role {\n          slug\n          name\n        }\n        ... on ComparisonAspect {\n          slug\n          name\n        }\n        ... on Tool {\n          slug\n          name\n        }\n        ... on ArchitecturePattern {\n          slug\n          name\n        }\n        ... on Practice {\n          slug\n          name\n        }\n        ... on Term {\n          slug\n          name\n        }\n      }\n    }\n  }\n}": types.SearchDocument,
    "query TermByAbbreviation($name: String!) {\n  termByName(name: $name) {\n    name\n    abbreviations\n    definition\n    patterns {\n      name\n      roleStances {\n        role {\n          name\n        }\n        preference\n        rationale\n      }\n    }\n    perspectives {\n      role {\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}": types.TermByAbbreviationDocument,
    "query TermPage($slug: String!) {\n  term(slug: $slug) {\n    slug\n    name\n    abbreviations\n    kind\n    definition\n    perspectives {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    patterns {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    relatedTerms {\n      slug\n      name\n      abbreviations\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.TermPageDocument,
    "query TermsByKind($kind: TermKind, $first: Int = 20, $after: String) {\n  terms(where: {kind: {eq: $kind}}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        abbreviations\n        kind\n      }\n    }\n  }\n}": types.TermsByKindDocument,
    "query ToolPage($slug: String!) {\n  tool(slug: $slug) {\n    slug\n    name\n    category\n    description\n    roles {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}": types.ToolPageDocument,
    "query ToolsByCategory($category: ToolCategory) {\n  tools(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      description\n      roles {\n        slug\n        name\n      }\n    }\n  }\n}": types.ToolsByCategoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComparisonAspectBySlug($slug: String!) {\n  comparisonAspect(slug: $slug) {\n    slug\n    name\n    position\n    stances {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').ComparisonAspectBySlugDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComparisonTable {\n  comparisonTable {\n    nodes {\n      slug\n      position\n      name\n      stances {\n        role {\n          slug\n          name\n        }\n        text\n      }\n    }\n  }\n}"): typeof import('./graphql').ComparisonTableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Role {\n      slug\n      name\n    }\n    ... on ComparisonAspect {\n      slug\n      name\n    }\n    ... on Tool {\n      slug\n      name\n    }\n    ... on ArchitecturePattern {\n      slug\n      name\n    }\n    ... on Practice {\n      slug\n      name\n    }\n    ... on Term {\n      slug\n      name\n    }\n  }\n}"): typeof import('./graphql').NodeByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PatternPage($slug: String!) {\n  pattern(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    benefits\n    tradeOffs\n    roleStances {\n      role {\n        slug\n        name\n      }\n      preference\n      rationale\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    describedBy {\n      slug\n      name\n      abbreviations\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').PatternPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PatternsByCategory($category: PatternCategory) {\n  patterns(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n      roleStances {\n        role {\n          slug\n          name\n        }\n        preference\n      }\n    }\n  }\n}"): typeof import('./graphql').PatternsByCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PracticePage($slug: String!) {\n  practice(slug: $slug) {\n    slug\n    name\n    category\n    summary\n    patterns {\n      slug\n      name\n    }\n    roles {\n      slug\n      name\n    }\n    tools {\n      slug\n      name\n      category\n    }\n    relatedTerms {\n      slug\n      name\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').PracticePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PracticesByCategory($category: PracticeCategory) {\n  practices(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      summary\n    }\n  }\n}"): typeof import('./graphql').PracticesByCategoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleComparisonColumn($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    comparison {\n      aspect {\n        slug\n        name\n        position\n      }\n      text\n    }\n  }\n}"): typeof import('./graphql').RoleComparisonColumnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleList {\n  roles {\n    nodes {\n      slug\n      name\n      summary\n      focus\n      favouredPatterns {\n        slug\n        name\n      }\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').RoleListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleOverview($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    focus\n    responsibilities\n    advantages\n    challenges\n    careerOutlook\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').RoleOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RolePage($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    summary\n    tools {\n      slug\n      name\n      category\n    }\n    favouredPatterns {\n      slug\n      name\n      describedBy {\n        slug\n        name\n        abbreviations\n      }\n    }\n    termPerspectives {\n      term {\n        slug\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}"): typeof import('./graphql').RolePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleToRelatedTerms($slug: String!) {\n  role(slug: $slug) {\n    name\n    favouredPatterns {\n      name\n      describedBy {\n        name\n        relatedTerms {\n          name\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').RoleToRelatedTermsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleTools($slug: String!) {\n  role(slug: $slug) {\n    slug\n    name\n    tools {\n      slug\n      name\n      category\n      description\n      practices {\n        slug\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').RoleToolsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($query: String!, $first: Int = 10) {\n  search(query: $query, first: $first) {\n    results {\n      score\n      node {\n        __typename\n        id\n        ... on Role {\n          slug\n          name\n        }\n        ... on ComparisonAspect {\n          slug\n          name\n        }\n        ... on Tool {\n          slug\n          name\n        }\n        ... on ArchitecturePattern {\n          slug\n          name\n        }\n        ... on Practice {\n          slug\n          name\n        }\n        ... on Term {\n          slug\n          name\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TermByAbbreviation($name: String!) {\n  termByName(name: $name) {\n    name\n    abbreviations\n    definition\n    patterns {\n      name\n      roleStances {\n        role {\n          name\n        }\n        preference\n        rationale\n      }\n    }\n    perspectives {\n      role {\n        name\n      }\n      text\n    }\n    source {\n      heading\n    }\n  }\n}"): typeof import('./graphql').TermByAbbreviationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TermPage($slug: String!) {\n  term(slug: $slug) {\n    slug\n    name\n    abbreviations\n    kind\n    definition\n    perspectives {\n      role {\n        slug\n        name\n      }\n      text\n    }\n    patterns {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n    }\n    relatedTerms {\n      slug\n      name\n      abbreviations\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').TermPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TermsByKind($kind: TermKind, $first: Int = 20, $after: String) {\n  terms(where: {kind: {eq: $kind}}, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        slug\n        name\n        abbreviations\n        kind\n      }\n    }\n  }\n}"): typeof import('./graphql').TermsByKindDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ToolPage($slug: String!) {\n  tool(slug: $slug) {\n    slug\n    name\n    category\n    description\n    roles {\n      slug\n      name\n    }\n    practices {\n      slug\n      name\n      category\n    }\n    source {\n      heading\n      anchor\n    }\n  }\n}"): typeof import('./graphql').ToolPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ToolsByCategory($category: ToolCategory) {\n  tools(where: {category: {eq: $category}}, first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      category\n      description\n      roles {\n        slug\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').ToolsByCategoryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
