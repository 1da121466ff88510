using GlossarySubgraph.Terms;
using GraphQL.Types;
using SubgraphKit.Data;
using SubgraphKit.Entities;
using SubgraphKit.Identity;

namespace GlossarySubgraph.References;

/// <summary>Role, owned by the roles subgraph; this subgraph adds the role's perspectives on the terms.</summary>
public sealed class RoleReferenceType : ObjectGraphType<EntityReference>
{
    public const string TypeName = "Role";

    public RoleReferenceType()
    {
        this.ReferencedEntity(TypeName, contributesFields: true);
        Interface<NodeInterface>();

        Field<ListGraphType<NonNullGraphType<TermPerspectiveType>>>("termPerspectives")
            .Description("This role's view of each of the article's related important terms.")
            .Resolve(context => context.Service<PerspectivesByRoleLoader>().Load(context.Source.SlugOf(TypeName) ?? string.Empty));
    }
}
