using GraphQLParser;
using GraphQLParser.Exceptions;

namespace SubgraphKit.Limits;

/// <summary>
/// Counts a GraphQL document's lexical tokens without building an AST: a document of 100 KB of
/// <c>{ a a a ... }</c> is cheap to send and costly to parse, so every endpoint counts first.
/// </summary>
public static class DocumentTokens
{
    /// <summary>Tokens up to <paramref name="stopAt"/>, comments excluded; a lexical error ends the count (the parser reports it).</summary>
    public static int Count(string document, int stopAt)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count < stopAt)
            {
                var token = Lexer.Lex(document, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                if (token.Kind != TokenKind.COMMENT)
                {
                    count++;
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // Not a token: left to the parser, which reports where.
        }

        return count;
    }
}
