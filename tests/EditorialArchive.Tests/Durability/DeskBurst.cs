using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Tests.Durability;

/// <summary>What the editors of a burst were told: the saves the server acknowledged, and every other answer counted.</summary>
public sealed class DeskLedger
{
    private long conflicts;
    private long conflictPagesWithoutTheirText;
    private long serverErrors;
    private long otherAnswers;
    private long unanswered;
    private long steps;

    /// <summary>Saves answered with the post/redirect/get success: each must be in the archive afterwards.</summary>
    public ConcurrentQueue<(long Id, string Body)> Acknowledged { get; } = new();

    public long Conflicts => Interlocked.Read(ref conflicts);

    /// <summary>409 answers that were not the conflict page with the editor's text kept.</summary>
    public long ConflictPagesWithoutTheirText => Interlocked.Read(ref conflictPagesWithoutTheirText);

    public long ServerErrors => Interlocked.Read(ref serverErrors);

    public long OtherAnswers => Interlocked.Read(ref otherAnswers);

    /// <summary>Requests cut off (the process was killed): the editor never learnt the outcome.</summary>
    public long Unanswered => Interlocked.Read(ref unanswered);

    public long Steps => Interlocked.Read(ref steps);

    public void Conflict(bool kept)
    {
        Interlocked.Increment(ref conflicts);
        if (!kept)
        {
            Interlocked.Increment(ref conflictPagesWithoutTheirText);
        }
    }

    public void ServerError() => Interlocked.Increment(ref serverErrors);

    public void Other() => Interlocked.Increment(ref otherAnswers);

    public void Unanswer() => Interlocked.Increment(ref unanswered);

    public void Step() => Interlocked.Increment(ref steps);
}

/// <summary>Editors at work through the real HTTP desk: sign-in form, antiforgery tokens from the pages, cookies.</summary>
public static class DeskBurst
{
    public static async Task<HttpClient> SignInAsync(Uri address, string email, string password = Editors.Password)
    {
        var client = Client(address);
        using var response = await Editors.PostSignInAsync(client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static HttpClient Client(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(90),
        };

    /// <summary>Makes <paramref name="count"/> editor accounts through the admin's users form.</summary>
    public static async Task<IReadOnlyList<string>> AddEditorsAsync(HttpClient admin, int count, string prefix)
    {
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{prefix}{i}@example.com";
            using var added = await BrowserForm.SubmitAsync(admin, "/admin/users", "form[action='/admin/users']", new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Role"] = EditorRoles.Editor,
                ["Password"] = Editors.Password,
            });
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, $"adding {email} answered {(int)added.StatusCode}");
            emails.Add(email);
        }

        return emails;
    }

    /// <summary>Creates pieces through the new-piece form and publishes every other one.</summary>
    public static async Task<IReadOnlyList<long>> CreatePiecesAsync(HttpClient editor, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var id = await DeskPages.CreateAsync(editor, $"Durable piece {i}", body: $"Opening text of piece {i}.");
            if (i % 2 == 0)
            {
                await DeskPages.StepOkAsync(editor, id, "publish");
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>
    /// Loads a random piece's edit page and saves it with a text no one else writes, <paramref name="saves"/> times or
    /// until <paramref name="stop"/>; with <paramref name="withSteps"/> one turn in five publishes or unpublishes instead.
    /// </summary>
    public static async Task RunAsync(HttpClient editor, IReadOnlyList<long> pieces, int saves, string tag, DeskLedger ledger, Random random, bool withSteps, CancellationToken stop)
    {
        for (var turn = 0; turn < saves && !stop.IsCancellationRequested; turn++)
        {
            var id = pieces[random.Next(pieces.Count)];
            try
            {
                using var page = await editor.GetAsync($"/admin/articles/{id}/edit", stop);
                if ((int)page.StatusCode >= 500)
                {
                    ledger.ServerError();
                    continue;
                }

                if (page.StatusCode != HttpStatusCode.OK)
                {
                    ledger.Other();
                    continue;
                }

                var document = await Html.ParseAsync(page);
                if (withSteps && random.Next(5) == 0)
                {
                    var step = document.QuerySelector("form.workflow-unpublish") is null ? "publish" : "unpublish";
                    using var stepped = await BrowserForm.SubmitAsync(editor, document, $"form.workflow-{step}", new Dictionary<string, string>());
                    Count(ledger, stepped.StatusCode, conflictKept: true);
                    if (stepped.StatusCode == HttpStatusCode.Redirect)
                    {
                        ledger.Step();
                    }

                    continue;
                }

                var body = $"{tag} turn {turn} {Guid.NewGuid():N}";
                using var saved = await BrowserForm.SubmitAsync(editor, document, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = body });
                if (saved.StatusCode == HttpStatusCode.Redirect)
                {
                    ledger.Acknowledged.Enqueue((id, body));
                }
                else
                {
                    var kept = saved.StatusCode == HttpStatusCode.Conflict
                        && (await Html.ParseAsync(saved)).QuerySelector("#Body")?.TextContent == body;
                    Count(ledger, saved.StatusCode, kept);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // The process is gone (killed). A request it was working on went unanswered; one sent after it died was
                // refused at the door and promised nothing either. There is no one to ask again.
                if (!(ex is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }))
                {
                    ledger.Unanswer();
                }

                return;
            }
        }
    }

    /// <summary>Readers loading public pages until <paramref name="stop"/>; returns (requests, 5xx answers).</summary>
    public static async Task<(long Requests, long ServerErrors)> ReadAsync(Uri address, IReadOnlyList<long> pieces, CancellationToken stop)
    {
        using var reader = Client(address);
        var random = new Random();
        long requests = 0, errors = 0;
        string[] fixedPages = ["/en/", "/ko/", "/en/search?q=durable", "/en/archive", "/sitemap.xml", "/en/feed.xml"];
        while (!stop.IsCancellationRequested)
        {
            var url = random.Next(3) == 0 ? fixedPages[random.Next(fixedPages.Length)] : $"/en/articles/{pieces[random.Next(pieces.Count)]}";
            try
            {
                using var response = await reader.GetAsync(url, stop);
                requests++;
                if ((int)response.StatusCode >= 500)
                {
                    errors++;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (requests, errors);
    }

    private static void Count(DeskLedger ledger, HttpStatusCode status, bool conflictKept)
    {
        if (status == HttpStatusCode.Conflict)
        {
            ledger.Conflict(conflictKept);
        }
        else if ((int)status >= 500)
        {
            ledger.ServerError();
        }
        else if (status != HttpStatusCode.Redirect)
        {
            ledger.Other();
        }
    }
}

/// <summary>Looks for the acknowledged saves in the file and runs the archive checks on it, as after a restart.</summary>
public static class ArchiveAudit
{
    private const string CountSavedTextSql = """
        SELECT (SELECT count(*) FROM article_revisions WHERE article_id = $id AND body_markdown = $body)
             + (SELECT count(*) FROM articles WHERE id = $id AND body_markdown = $body)
        """;

    /// <summary>(found, lost) of the acknowledged saves, and the problems the archive checks report.</summary>
    public static async Task<(int Found, IReadOnlyList<(long Id, string Body)> Lost, IReadOnlyList<string> Problems)> AuditAsync(
        string databasePath, IEnumerable<(long Id, string Body)> acknowledged)
    {
        var connections = new SqliteConnectionFactory($"Data Source={databasePath}");
        var problems = await new ArchiveIntegrityRepository(connections).CheckAsync(CancellationToken.None);
        var found = 0;
        var lost = new List<(long, string)>();
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            foreach (var (id, body) in acknowledged)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = CountSavedTextSql;
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$body", body);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    found++;
                }
                else
                {
                    lost.Add((id, body));
                }
            }
        }

        SqliteConnection.ClearAllPools();
        return (found, lost, problems);
    }
}
