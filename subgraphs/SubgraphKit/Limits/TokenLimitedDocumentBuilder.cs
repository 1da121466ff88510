using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace SubgraphKit.Limits;

/// <summary>
/// Counts the document's tokens before the parser builds an AST for it: a document of 100 KB of
/// <c>{ a a a ... }</c> is cheap to send and costly to parse, validate and analyse. A document too
/// deep for the parser is refused with the depth limit's code. A parsed document is measured before any
/// validation rule walks it: its fields and nesting with fragments spread in place, and its literal values.
/// </summary>
public sealed class TokenLimitedDocumentBuilder(IOptions<RequestLimits> limits) : IDocumentBuilder
{
    /// <summary>GraphQLParser's own default, set here so that its error can say it.</summary>
    private const int ParserMaxDepth = 128;

    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = ParserMaxDepth };

    public GraphQLDocument Build(string body)
    {
        var max = limits.Value.MaxTokens;
        var count = DocumentTokens.Count(body, max + 1);
        if (count > max)
        {
            throw new RequestLimitError(RequestLimitError.MaxTokensCode,
                $"The document has more than {max} tokens, the limit of this endpoint.");
        }

        var document = Parse(body);
        ExpandedSelections.Check(document, limits.Value);
        LiteralInputDepth.Check(document, limits.Value.MaxInputDepth);
        return document;
    }

    private GraphQLDocument Parse(string body)
    {
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // The parser's own guard against stack exhaustion: the client's document is too deep, which is
            // the depth limit's error, not an unexpected one (it was logged and masked as one).
            throw new RequestLimitError(RequestLimitError.MaxDepthCode,
                $"The document nests more than {ParserMaxDepth} syntax levels, too deep to parse; the limit of this endpoint is {limits.Value.MaxDepth} levels of fields.");
        }
    }
}
