using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>A migrated archive in a temporary SQLite file, with a helper to store pieces through the app's write path.</summary>
public sealed class ArchiveDatabase : IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public ArchiveDatabase()
    {
        Connections = database.CreateFactory();
        Articles = new ArticleRepository(Connections, TimeProvider.System);
    }

    public SqliteConnectionFactory Connections { get; }

    public ArticleRepository Articles { get; }

    public async Task InitializeAsync() =>
        await new MigrationRunner(Connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);

    public Task DisposeAsync()
    {
        Connections.Dispose();
        database.Dispose();
        return Task.CompletedTask;
    }

    public static NewArticle Piece(
        string language, string headline, string body, DateTimeOffset posted,
        string status = ArticleStatus.Published, string section = "editorial", string? byline = null) =>
        new(SlugGenerator.FromHeadline(headline), language, headline, section, byline, body, $"<p>{body}</p>", status, posted, posted);

    /// <summary>Stores the pieces in one transaction, as the importer does; returns their ids in order.</summary>
    public async Task<long[]> InsertAsync(params NewArticle[] pieces)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var ids = new List<long>();
        foreach (var piece in pieces)
        {
            ids.Add(await Articles.InsertAsync(transaction, piece, CancellationToken.None));
        }

        await transaction.CommitAsync();
        return [.. ids];
    }
}
