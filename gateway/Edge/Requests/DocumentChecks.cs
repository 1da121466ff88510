using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using SubgraphKit.Hosting;
using SubgraphKit.Limits;

namespace Edge.Requests;

/// <summary>Why the edge turns a document away, if it does.</summary>
public enum DocumentVerdict
{
    Admitted,
    TooManyTokens,
    AsksIntrospection,
}

/// <summary>
/// The edge's checks of a document's text, done once per distinct document and remembered: its token
/// count, and in production whether it asks for introspection (`grafbase dev` always serves it, so the
/// edge refuses it). A document that does not parse is admitted: the engine reports where it breaks.
/// </summary>
public sealed class DocumentChecks(IOptions<EdgeOptions> options, GraphMode mode)
{
    /// <summary>Enough for every document a real client sends; a flood of distinct ones only resets it.</summary>
    private const int MaxRemembered = 2000;

    /// <summary>Longer documents are checked each time rather than held in memory.</summary>
    private const int MaxRememberedLength = 8 * 1024;

    private readonly ConcurrentDictionary<string, DocumentVerdict> _verdicts = new(StringComparer.Ordinal);

    public DocumentVerdict Check(string document)
    {
        if (_verdicts.TryGetValue(document, out var verdict))
        {
            return verdict;
        }

        verdict = Judge(document);
        if (document.Length <= MaxRememberedLength)
        {
            if (_verdicts.Count >= MaxRemembered)
            {
                _verdicts.Clear();
            }

            _verdicts[document] = verdict;
        }

        return verdict;
    }

    private DocumentVerdict Judge(string document)
    {
        var max = options.Value.MaxTokens;
        if (DocumentTokens.Count(document, max + 1) > max)
        {
            return DocumentVerdict.TooManyTokens;
        }

        return mode == GraphMode.Production && AsksIntrospection(document) ? DocumentVerdict.AsksIntrospection : DocumentVerdict.Admitted;
    }

    /// <summary>Whether any selection, in an operation or a fragment, names __schema or __type (__typename is data).</summary>
    private static bool AsksIntrospection(string document)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (GraphQLParserException)
        {
            return false;
        }

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
}
