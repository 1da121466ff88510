using GraphQLParser;
using GraphQLParser.AST;

namespace SubgraphKit.Limits;

/// <summary>
/// Measures a parsed document as validation will walk it, every fragment spread in place, and refuses
/// it over <see cref="RequestLimits.MaxFields"/> or <see cref="RequestLimits.MaxNesting"/> before any
/// validation rule runs: GraphQL.NET's rules (OverlappingFieldsCanBeMerged, the complexity analyzer) expand
/// fragments at each spread, which takes exponential time on fragments that spread each other twice,
/// and recurses once per level, which overflows the stack on a chain of thousands of fragments. Here
/// each fragment is measured once and remembered, so the time is linear in the document. The gateway's
/// edge runs it too, before its engine sees a document, and refuses the fragment cycles it finds.
/// </summary>
public sealed class ExpandedSelections
{
    private readonly RequestLimits _limits;
    private readonly Dictionary<ROM, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<ROM, Measure> _measured = [];
    private readonly HashSet<ROM> _inProgress = [];

    private ExpandedSelections(GraphQLDocument document, RequestLimits limits)
    {
        _limits = limits;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A repeated name is UniqueFragmentNames' error; the first is measured.
            _fragments.TryAdd(fragment.FragmentName.Name.Value, fragment);
        }
    }

    /// <summary>The first fragment found to spread itself, directly or through others (NoFragmentCycles' error), if any.</summary>
    public string? CyclicFragment { get; private set; }

    /// <summary>Throws a <see cref="RequestLimitError"/> when any operation or fragment of <paramref name="document"/> is over a limit.</summary>
    public static ExpandedSelections Check(GraphQLDocument document, RequestLimits limits)
    {
        var selections = new ExpandedSelections(document, limits);
        long fields = 0;
        foreach (var definition in document.Definitions)
        {
            // Fragments count where they are defined too: validation walks an unused one as well.
            var measure = definition switch
            {
                GraphQLOperationDefinition operation => selections.Of(operation.SelectionSet, 1),
                GraphQLFragmentDefinition fragment => selections.Of(fragment, 1),
                _ => default,
            };
            fields = selections.Capped(fields + measure.Fields);
        }

        if (fields > limits.MaxFields)
        {
            throw new RequestLimitError(RequestLimitError.MaxFieldsCode,
                $"The document selects more than {limits.MaxFields} fields, each fragment counted where it is defined and at every spread, the limit of this endpoint.");
        }

        return selections;
    }

    /// <summary>A selection set at <paramref name="level"/> (the top one is 1), measured through its fragments.</summary>
    private Measure Of(GraphQLSelectionSet selectionSet, int level)
    {
        if (level > _limits.MaxNesting)
        {
            throw NestingError();
        }

        long fields = 0;
        var below = 0;
        foreach (var selection in selectionSet.Selections)
        {
            var nested = selection switch
            {
                GraphQLField { SelectionSet: { } children } => Of(children, level + 1),
                GraphQLInlineFragment inline => Of(inline.SelectionSet, level + 1),
                GraphQLFragmentSpread spread => Of(spread, level + 1),
                _ => default,
            };
            fields = Capped(fields + nested.Fields + (selection is GraphQLField ? 1 : 0));
            below = Math.Max(below, nested.Levels);
        }

        return new Measure(fields, below + 1);
    }

    private Measure Of(GraphQLFragmentSpread spread, int level) =>
        _fragments.TryGetValue(spread.FragmentName.Name.Value, out var fragment) ? Of(fragment, level) : default;

    private Measure Of(GraphQLFragmentDefinition fragment, int level)
    {
        var name = fragment.FragmentName.Name.Value;
        if (_measured.TryGetValue(name, out var measured))
        {
            if (level - 1 + measured.Levels > _limits.MaxNesting)
            {
                throw NestingError();
            }

            return measured;
        }

        // A fragment that spreads itself is NoFragmentCycles' error; it adds nothing here.
        if (!_inProgress.Add(name))
        {
            CyclicFragment ??= name.ToString();
            return default;
        }

        measured = Of(fragment.SelectionSet, level);
        _inProgress.Remove(name);
        _measured[name] = measured;
        return measured;
    }

    /// <summary>Counts stop just past the limit, so 2^300 fields neither overflow nor take longer to refuse.</summary>
    private long Capped(long fields) => Math.Min(fields, _limits.MaxFields + 1L);

    private RequestLimitError NestingError() =>
        new(RequestLimitError.MaxDepthCode,
            $"The document nests selections more than {_limits.MaxNesting} levels deep once its fragments are spread in place, the limit of this endpoint.");

    /// <summary>Fields under a selection set, and its levels: 1 for the set itself, plus its deepest child's.</summary>
    private readonly record struct Measure(long Fields, int Levels);
}
