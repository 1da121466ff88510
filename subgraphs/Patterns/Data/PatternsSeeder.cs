using Microsoft.EntityFrameworkCore;
using PatternsSubgraph.Data.Entities;
using SubgraphKit.Data;

namespace PatternsSubgraph.Data;

/// <summary>Loads patterns.json, role-stances.json and practices.json from Data/Seed; the files map onto the entities as they are.</summary>
public sealed class PatternsSeeder : ISubgraphSeeder<PatternsDb>
{
    public Task<bool> IsSeededAsync(PatternsDb db, CancellationToken cancellationToken) => db.Patterns.AnyAsync(cancellationToken);

    public Task SeedAsync(PatternsDb db, CancellationToken cancellationToken)
    {
        db.Patterns.AddRange(SeedFile.Read<ArchitecturePattern>("patterns.json"));
        db.Stances.AddRange(SeedFile.Read<PatternStance>("role-stances.json"));
        db.Practices.AddRange(SeedFile.Read<Practice>("practices.json"));
        return Task.CompletedTask;
    }
}
