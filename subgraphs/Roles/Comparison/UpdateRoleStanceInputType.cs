using GraphQL.Types;

namespace RolesSubgraph.Comparison;

/// <summary>One cell of the comparison table: a role's stance on an aspect, at the version the client read.</summary>
public sealed class UpdateRoleStanceInputType : InputObjectGraphType<UpdateRoleStanceInput>
{
    public UpdateRoleStanceInputType()
    {
        Name = "UpdateRoleStanceInput";
        Field(input => input.Role).Description("The role's slug, such as api-first-developer.");
        Field(input => input.Aspect).Description("The aspect's slug, such as testing-strategy.");
        Field(input => input.Text).Description("The stance's new wording.");
        Field(input => input.Version).Description("The version the client last read.");
    }
}

public sealed record UpdateRoleStanceInput(string Role, string Aspect, string Text, int Version);
