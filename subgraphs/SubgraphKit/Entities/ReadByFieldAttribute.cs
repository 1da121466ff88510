namespace SubgraphKit.Entities;

/// <summary>
/// Names the GraphQL field that reads this column when the names differ, such as <c>roles</c> reading
/// <c>Tool.RoleSlugs</c>. Projection reads a column only for the fields that need it, so a field it
/// cannot match to a column would otherwise see the property's default.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReadByFieldAttribute(string fieldName) : Attribute
{
    public string FieldName { get; } = fieldName;
}
