using Microsoft.EntityFrameworkCore;
using RolesSubgraph.Data.Entities;
using SubgraphKit.Data;

namespace RolesSubgraph.Data;

/// <summary>Loads roles.json, comparison-aspects.json and tools.json from Data/Seed.</summary>
public sealed class RolesSeeder : ISubgraphSeeder<RolesDb>
{
    public Task<bool> IsSeededAsync(RolesDb db, CancellationToken cancellationToken) => db.Roles.AnyAsync(cancellationToken);

    public Task SeedAsync(RolesDb db, CancellationToken cancellationToken)
    {
        db.Roles.AddRange(SeedFile.Read<Role>("roles.json"));
        db.ComparisonAspects.AddRange(SeedFile.Read<AspectRecord>("comparison-aspects.json").Select(row => row.ToEntity()));
        db.Tools.AddRange(SeedFile.Read<ToolRecord>("tools.json").Select(row => row.ToEntity()));
        return Task.CompletedTask;
    }

    /// <summary>A table row as the content file writes it: the cells keyed by role slug.</summary>
    private sealed record AspectRecord(string Slug, string Name, int Position, Dictionary<string, string> Stances, string Section)
    {
        public ComparisonAspect ToEntity() => new()
        {
            Slug = Slug,
            Name = Name,
            Position = Position,
            Section = Section,
            Stances = [.. Stances.Select(cell => new AspectStance { AspectSlug = Slug, RoleSlug = cell.Key, Text = cell.Value })],
        };
    }

    private sealed record ToolRecord(string Slug, string Name, ToolCategory Category, string Description, List<string> Roles, string Section)
    {
        public Tool ToEntity() => new()
        {
            Slug = Slug,
            Name = Name,
            Category = Category,
            Description = Description,
            RoleSlugs = Roles,
            Section = Section,
        };
    }
}
