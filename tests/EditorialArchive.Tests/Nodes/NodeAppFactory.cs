using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Nodes;

/// <summary>
/// One node of a multi-node site: the desk app over a database file another factory created (its own temporary
/// file goes unused), with extra settings (Redis). Start the first node before the second, so the second finds the
/// schema and seeds in place.
/// </summary>
public sealed class NodeAppFactory(string databasePath, IEnumerable<KeyValuePair<string, string?>> extra) : DeskAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Concat([new("ConnectionStrings:Archive", $"Data Source={databasePath}")]).Concat(extra);
}
