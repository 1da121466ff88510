namespace RolesSubgraph.Data.Entities;

public enum ToolCategory
{
    Ide,
    BackendFramework,
    Database,
    ApiSpecification,
    ApiDesign,
    ApiTesting,
}
