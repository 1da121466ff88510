using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace SubgraphKit.Limits;

/// <summary>
/// GraphQL's cost spec (https://specs.apollo.dev/cost/v0.1): <c>@cost</c> and <c>@listSize</c> in the
/// subgraph SDL, counted by Grafbase's engine (gateway/grafbase.toml, [complexity_control]) and by the
/// subgraph's own complexity analyzer alike. The engine composes from the subgraph SDL and keeps a
/// directive only when the SDL links its spec by its own URL, applies @composeDirective to it and defines
/// it; imported through the federation @link it warns "Unknown directive" and drops it (docs/limits.md).
/// </summary>
public static class DemandControl
{
    public const string CostDirective = "cost";
    public const string ListSizeDirective = "listSize";
    public const string SpecUrl = "https://specs.apollo.dev/cost/v0.1";

    /// <summary>The connection fields' sized fields: the page's rows are either of them.</summary>
    private static readonly string[] ConnectionSizedFields = ["edges", "nodes"];

    /// <summary>Imports @composeDirective into the federation @link, for <see cref="LinkCostSpec"/>.</summary>
    public static void ImportComposeDirective(LinkConfiguration federation) =>
        federation.Imports.Add("@composeDirective", "@composeDirective");

    /// <summary>
    /// Links the cost spec (<c>@link(url: ".../cost/v0.1", import: ["@cost", "@listSize"])</c>), composes
    /// both directives into the supergraph (<c>@composeDirective</c>), and defines them as the spec does.
    /// GraphQL.NET 8.8.5's <c>_service { sdl }</c> leaves out only the federation and link specs' definitions,
    /// so these two are printed: both compositions (gateway/compose.mjs and the engine's) need them.
    /// </summary>
    public static void LinkCostSpec(ISchema schema)
    {
        schema.LinkSchema(SpecUrl, link =>
        {
            link.Imports.Add("@" + CostDirective, "@" + CostDirective);
            link.Imports.Add("@" + ListSizeDirective, "@" + ListSizeDirective);
        });
        schema.ApplyDirective("composeDirective", "name", "@" + CostDirective);
        schema.ApplyDirective("composeDirective", "name", "@" + ListSizeDirective);
        schema.Directives.Register(
            new Directive(CostDirective,
                DirectiveLocation.ArgumentDefinition, DirectiveLocation.Enum, DirectiveLocation.FieldDefinition,
                DirectiveLocation.InputFieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar)
            {
                Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IntGraphType>> { Name = "weight" }),
            },
            new Directive(ListSizeDirective, DirectiveLocation.FieldDefinition)
            {
                Arguments = new QueryArguments(
                    new QueryArgument<IntGraphType> { Name = "assumedSize" },
                    new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "slicingArguments" },
                    new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "sizedFields" },
                    new QueryArgument<BooleanGraphType> { Name = "requireOneSlicingArgument", DefaultValue = true }),
            });
    }

    /// <summary>
    /// <c>@cost(weight:)</c>: the field counts <paramref name="weight"/> instead of 1, in the SDL and in
    /// the complexity analyzer alike; for a field that does notably more work than reading a column.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int weight)
    {
        field.FieldType.ApplyDirective(CostDirective, "weight", weight);
        field.FieldType.WithComplexityImpact(weight);
        return field;
    }

    /// <summary>
    /// <c>@listSize</c> on a connection: <c>edges</c> and <c>nodes</c> hold as many rows as
    /// <c>first</c> or <c>last</c> ask for, <paramref name="assumedSize"/> when neither is sent. The
    /// analyzer's default already multiplies a connection's lists by its parent's first/last
    /// (GraphQL.NET 8), and its list multiplier is the same default page size.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ConnectionListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int assumedSize) =>
        field.SlicedListSize(assumedSize, ["first", "last"], ConnectionSizedFields);

    /// <summary>
    /// <c>@listSize</c> for a field whose <paramref name="sizedFields"/> (or, without them, the field's own
    /// list) hold as many items as the <paramref name="slicingArguments"/> ask for. The arguments are
    /// optional (requireOneSlicingArgument: false): without them, <paramref name="assumedSize"/> counts.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> SlicedListSize<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, int assumedSize, string[] slicingArguments, string[] sizedFields)
    {
        field.FieldType.ApplyDirective(ListSizeDirective, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = assumedSize });
            directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicingArguments });
            if (sizedFields.Length > 0)
            {
                directive.AddArgument(new DirectiveArgument("sizedFields") { Value = sizedFields });
            }

            directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });
        return field;
    }

    /// <summary>
    /// <c>@listSize(assumedSize:)</c> for a list whose size an argument sets that is not an Int (the spec
    /// allows only Int slicing arguments), such as <c>nodes(ids:)</c>: counted as
    /// <paramref name="assumedSize"/>, its most, by the gateway and by the analyzer.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> AssumedListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int assumedSize)
    {
        field.FieldType.ApplyDirective(ListSizeDirective, "assumedSize", assumedSize);
        field.FieldType.WithComplexityImpact(1, assumedSize);
        return field;
    }
}
