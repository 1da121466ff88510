using GraphQL.Types;

namespace SubgraphKit.Listing;

/// <summary><c>{Type}FilterInput</c>: one operator input per listed column, plus <c>and</c> and <c>or</c>.</summary>
public sealed class FilterInputType<TListing> : InputObjectGraphType
    where TListing : EntityListing, new()
{
    public FilterInputType()
    {
        var listing = new TListing();
        Name = listing.TypeName + "FilterInput";
        Description = $"Conditions on {listing.TypeName} rows. The fields of one object must all hold; 'and' and 'or' combine lists of them.";
        Field<ListGraphType<NonNullGraphType<FilterInputType<TListing>>>>("and");
        Field<ListGraphType<NonNullGraphType<FilterInputType<TListing>>>>("or");
        foreach (var field in listing.Fields)
        {
            AddField(new FieldType
            {
                Name = field.Name,
                Type = field.Kind switch
                {
                    FilterKind.Text => typeof(StringOperationFilterInputType),
                    FilterKind.Number => typeof(IntOperationFilterInputType),
                    FilterKind.Choice => typeof(EnumOperationFilterInputType<>).MakeGenericType(field.ValueType),
                    _ => throw new InvalidOperationException($"No filter input for {field.Kind}."),
                },
            });
        }
    }
}
