using GraphQL.Types;

namespace SubgraphKit.Identity;

public static class NodeSchemaExtensions
{
    /// <summary>
    /// Declares the entities of other subgraphs that this subgraph adds nothing to, so that each
    /// implements <c>Node</c> here (see <see cref="NodeInterface"/>).
    /// </summary>
    public static void NodeStubs(this Schema schema, params string[] typeNames)
    {
        foreach (var typeName in typeNames)
        {
            schema.RegisterType(new NodeStubType(typeName));
        }
    }
}
