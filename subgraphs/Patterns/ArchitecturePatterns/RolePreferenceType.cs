using GraphQL.Types;
using PatternsSubgraph.Data.Entities;

namespace PatternsSubgraph.ArchitecturePatterns;

public sealed class RolePreferenceType : EnumerationGraphType<Preference>
{
    public RolePreferenceType()
    {
        Name = "RolePreference";
        Description = "FAVOURS: the article says the role prefers or advocates the pattern. WORKS_WITH: the role builds with it, but it is not its emphasis. LESS_SUITED: the article contrasts the role against it.";
    }
}
