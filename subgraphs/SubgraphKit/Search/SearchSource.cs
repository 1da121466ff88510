namespace SubgraphKit.Search;

/// <summary>
/// One entity type's rows in its subgraph's search table: the table they come from, and the SQL
/// expressions (column names, or a subquery over a child table) whose words go into the two searched
/// columns. <see cref="NameColumns"/> weigh <see cref="SearchIndex{TDbContext}.NameWeight"/> times as much
/// as <see cref="TextColumns"/>. Expressions may refer to the row's columns unqualified.
/// </summary>
public sealed record SearchSource(string TypeName, string Table, string[] NameColumns, string[] TextColumns);
