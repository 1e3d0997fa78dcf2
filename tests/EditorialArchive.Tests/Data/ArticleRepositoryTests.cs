using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.Tests.Data;

public sealed class ArticleRepositoryTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly SqliteConnectionFactory connections;
    private readonly ArticleRepository repository;

    public ArticleRepositoryTests()
    {
        connections = database.CreateFactory();
        repository = new ArticleRepository(connections, TimeProvider.System);
    }

    public async Task InitializeAsync() =>
        await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private static NewArticle Piece(string language, string headline, DateTimeOffset posted, string status = ArticleStatus.Published, string section = "editorial") =>
        new(SlugGenerator.FromHeadline(headline), language, headline, section, null, headline, $"<p>{headline}</p>", status,
            status == ArticleStatus.Published ? posted : null, status == ArticleStatus.Published ? posted : null);

    private async Task<long[]> InsertAsync(params NewArticle[] pieces)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var ids = new List<long>();
        foreach (var piece in pieces)
        {
            ids.Add(await repository.InsertAsync(transaction, piece, CancellationToken.None));
        }

        await transaction.CommitAsync();
        return [.. ids];
    }

    private static readonly DateTimeOffset Day = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_published_piece_comes_back_with_its_section_and_instants()
    {
        var piece = Piece("en", "A published piece", Day.AddHours(3)) with { Byline = "A. Writer", SectionSlug = "column" };
        var ids = await InsertAsync(piece);

        var article = await repository.GetPublishedByIdAsync(ids[0], CancellationToken.None);

        Assert.NotNull(article);
        Assert.Equal("a-published-piece", article.Slug);
        Assert.Equal("Column", article.SectionName);
        Assert.Equal("A. Writer", article.Byline);
        Assert.Equal(Day.AddHours(3), article.PostedAt);
        Assert.Equal("<p>A published piece</p>", article.BodyHtml);
        Assert.Null(article.Counterpart);
    }

    [Fact]
    public async Task Drafts_and_unknown_ids_are_not_found()
    {
        var ids = await InsertAsync(Piece("en", "Draft", Day, ArticleStatus.Draft));

        Assert.Null(await repository.GetPublishedByIdAsync(ids[0], CancellationToken.None));
        Assert.Null(await repository.GetPublishedByIdAsync(ids[0] + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Translations_link_both_ways_and_a_draft_counterpart_stays_hidden()
    {
        var ids = await InsertAsync(Piece("en", "English", Day), Piece("ko", "한국어 글", Day), Piece("ko", "초안", Day, ArticleStatus.Draft));
        await LinkAsync(ids[0], ids[1]);

        var english = await repository.GetPublishedByIdAsync(ids[0], CancellationToken.None);
        var korean = await repository.GetPublishedByIdAsync(ids[1], CancellationToken.None);

        Assert.Equal(new Counterpart("ko", ids[1], "한국어-글", null, "한국어 글"), english!.Counterpart);
        Assert.Equal(new Counterpart("en", ids[0], "english", null, "English"), korean!.Counterpart);

        // Re-pointing the English piece at the draft replaces the old pair on both sides.
        await LinkAsync(ids[0], ids[2]);
        Assert.Null((await repository.GetPublishedByIdAsync(ids[0], CancellationToken.None))!.Counterpart);
        Assert.Null((await repository.GetPublishedByIdAsync(ids[1], CancellationToken.None))!.Counterpart);
    }

    [Fact]
    public async Task Pieces_in_the_same_language_cannot_be_counterparts()
    {
        var ids = await InsertAsync(Piece("en", "One", Day), Piece("en", "Two", Day));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LinkAsync(ids[0], ids[1]));

        Assert.Contains("differ in language", error.Message, StringComparison.Ordinal);
        Assert.Null((await repository.GetPublishedByIdAsync(ids[0], CancellationToken.None))!.Counterpart);
    }

    [Fact]
    public async Task An_unknown_section_is_refused_and_nothing_is_stored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => InsertAsync(Piece("en", "Good", Day), Piece("en", "Bad", Day, section: "sports")));

        Assert.Equal(0, await repository.CountAllAsync(CancellationToken.None));
    }

    private async Task LinkAsync(long a, long b)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await repository.LinkTranslationsAsync(transaction, a, b, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
