using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;
using Microsoft.Extensions.Options;
using SubgraphKit.Hosting;
using SubgraphKit.Limits;

namespace Edge.Requests;

/// <summary>Why the edge turns a document away: refused like a validation error, with a code and a message.</summary>
public sealed record DocumentRefusal(string Code, string Message);

/// <summary>What the edge knows of a document: why it is refused, if it is, and each operation's name and type.</summary>
public sealed record DocumentFacts(DocumentRefusal? Refusal, IReadOnlyList<(string? Name, OperationType Type, bool IntrospectionOnly)> Operations)
{
    /// <summary>The operation a request runs: the one it names, else the only one; null when the engine must say why not.</summary>
    public OperationType? TypeOf(string? operationName) => Chosen(operationName)?.Type;

    /// <summary>Whether the operation a request runs selects nothing but __schema, __type and __typename.</summary>
    public bool IsIntrospectionOnly(string? operationName) => Chosen(operationName)?.IntrospectionOnly == true;

    private (string? Name, OperationType Type, bool IntrospectionOnly)? Chosen(string? operationName)
    {
        if (string.IsNullOrEmpty(operationName))
        {
            return Operations.Count == 1 ? Operations[0] : null;
        }

        foreach (var operation in Operations)
        {
            if (operation.Name == operationName)
            {
                return operation;
            }
        }

        return null;
    }
}

/// <summary>
/// The edge's checks of a document's text, done once per distinct document and remembered: its token
/// count; its operations' types (a GET may only run a query); its size with fragments spread, measured in
/// linear time by the subgraphs' own <see cref="ExpandedSelections"/>, because the engine expands
/// fragments at every spread (30 fragments that spread the next twice held it past 10 s) and overflows
/// its stack on a fragment cycle, which kills it; strings the engine's parser cannot read; and in
/// production whether it asks for introspection (`grafbase dev` always serves it). A document that does
/// not parse is admitted: the engine reports where it breaks.
/// </summary>
public sealed class DocumentChecks(IOptions<EdgeOptions> options, GraphMode mode)
{
    /// <summary>The subgraphs' own bounds on fields and nesting with fragments spread: what they would refuse anyway.</summary>
    private static readonly RequestLimits SelectionLimits = new();

    /// <summary>Enough for every document a real client sends; a flood of distinct ones only resets it.</summary>
    private const int MaxRemembered = 2000;

    /// <summary>Longer documents are checked each time rather than held in memory.</summary>
    private const int MaxRememberedLength = 8 * 1024;

    private readonly ConcurrentDictionary<string, DocumentFacts> _facts = new(StringComparer.Ordinal);

    private static readonly DocumentFacts Unparsed = new(null, []);

    public DocumentFacts Check(string document)
    {
        if (_facts.TryGetValue(document, out var facts))
        {
            return facts;
        }

        facts = Judge(document);
        if (document.Length <= MaxRememberedLength)
        {
            if (_facts.Count >= MaxRemembered)
            {
                _facts.Clear();
            }

            _facts[document] = facts;
        }

        return facts;
    }

    private DocumentFacts Judge(string document)
    {
        var max = options.Value.MaxTokens;
        if (DocumentTokens.Count(document, max + 1) > max)
        {
            return new(new(RequestLimitError.MaxTokensCode, $"The document has more than {max} tokens, the limit of this gateway."), []);
        }

        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return Unparsed;
        }

        var fragments = new Dictionary<string, GraphQLSelectionSet>(StringComparer.Ordinal);
        foreach (var fragment in parsed.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A repeated name is the engine's validation error to report; the first is looked at.
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment.SelectionSet);
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>()
            .Select(operation => (operation.Name?.StringValue, operation.Operation, SelectsOnlyIntrospection(operation.SelectionSet, fragments)))
            .ToList();
        return new(Refusal(document, parsed), operations);
    }

    private DocumentRefusal? Refusal(string document, GraphQLDocument parsed)
    {
        try
        {
            if (ExpandedSelections.Check(parsed, SelectionLimits).CyclicFragment is { } cyclic)
            {
                return new("OPERATION_VALIDATION_ERROR", $"Fragment \"{cyclic}\" spreads itself, directly or through other fragments.");
            }
        }
        catch (RequestLimitError error)
        {
            return new(error.Code!, error.Message);
        }

        // The engine's parser (cynic-parser 0.10) calls a string literal holding a character beyond U+FFFF,
        // raw or escaped, an invalid token, and panics on one in a block string, leaving the request
        // unanswered. A variable carries the same text through.
        if (MayHoldCharacterBeyondBasicPlane(document) && StringsBeyondBasicPlane.Find(parsed))
        {
            return new("OPERATION_PARSING_ERROR",
                "A string in the document holds a character beyond U+FFFF (an emoji, for one), which this gateway's parser cannot read yet: pass that text in a variable.");
        }

        return mode == GraphMode.Production && AsksIntrospection(parsed)
            ? new("INTROSPECTION_DISABLED", "GraphQL introspection has been disabled: the gateway runs in production mode.")
            : null;
    }

    /// <summary>
    /// Whether the root fields, through fragments and inline fragments, are only __schema, __type and
    /// __typename, with at least one of the first two. Each fragment is looked at once.
    /// </summary>
    private static bool SelectsOnlyIntrospection(GraphQLSelectionSet root, Dictionary<string, GraphQLSelectionSet> fragments)
    {
        var asks = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>([root]);
        while (pending.TryPop(out var selections))
        {
            foreach (var selection in selections.Selections)
            {
                switch (selection)
                {
                    case GraphQLField { Name.Value: var name } when name == "__schema" || name == "__type":
                        asks = true;
                        break;
                    case GraphQLField { Name.Value: var name } when name == "__typename":
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        if (seen.Add(spread.FragmentName.Name.StringValue))
                        {
                            pending.Push(fragment);
                        }

                        break;
                    default:
                        return false;
                }
            }
        }

        return asks;
    }

    /// <summary>Whether any selection, in an operation or a fragment, names __schema or __type (__typename is data).</summary>
    private static bool AsksIntrospection(GraphQLDocument parsed)
    {
        var pending = new Stack<GraphQLSelectionSet>(parsed.Definitions.OfType<IHasSelectionSetNode>().Select(node => node.SelectionSet).OfType<GraphQLSelectionSet>());
        while (pending.TryPop(out var selections))
        {
            foreach (var selection in selections.Selections)
            {
                if (selection is GraphQLField { Name.Value: var name } && (name == "__schema" || name == "__type"))
                {
                    return true;
                }

                if (selection is IHasSelectionSetNode { SelectionSet: { } nested })
                {
                    pending.Push(nested);
                }
            }
        }

        return false;
    }

    /// <summary>Raw surrogates or a \u escape somewhere: only then are the string values decoded and looked at.</summary>
    private static bool MayHoldCharacterBeyondBasicPlane(string document) =>
        document.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 || document.Contains("\\u", StringComparison.Ordinal);

    private sealed class StringsBeyondBasicPlane : ASTVisitor<StringsBeyondBasicPlane.Context>
    {
        private static readonly StringsBeyondBasicPlane Instance = new();

        public static bool Find(GraphQLDocument document)
        {
            var context = new Context();
            Instance.VisitAsync(document, context).AsTask().GetAwaiter().GetResult();
            return context.Found;
        }

        protected override ValueTask VisitStringValueAsync(GraphQLStringValue stringValue, Context context)
        {
            context.Found |= stringValue.Value.Span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
            return default;
        }

        public sealed class Context : IASTVisitorContext
        {
            public bool Found { get; set; }

            public CancellationToken CancellationToken => CancellationToken.None;
        }
    }
}
