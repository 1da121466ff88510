using GraphQL.Validation;

namespace SubgraphKit.Limits;

/// <summary>A request over one of the <see cref="RequestLimits"/>: never executed, so 400 under graphql-response+json.</summary>
public sealed class RequestLimitError : ValidationError
{
    public const string MaxTokensCode = "MAX_TOKENS_EXCEEDED";
    public const string MaxDepthCode = "MAX_DEPTH_EXCEEDED";
    public const string MaxAliasesCode = "MAX_ALIASES_EXCEEDED";
    public const string MaxComplexityCode = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxFieldsCode = "MAX_FIELDS_EXCEEDED";
    public const string MaxInputDepthCode = "MAX_INPUT_DEPTH_EXCEEDED";

    public RequestLimitError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
