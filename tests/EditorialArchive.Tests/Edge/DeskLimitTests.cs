using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Edge;

/// <summary>Desk form limits answer the form with a message beside the field; stored text is NFC without control characters.</summary>
public sealed class DeskLimitTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    [Fact]
    public async Task A_100000_character_headline_gets_the_form_back_with_a_message_beside_the_field()
    {
        await Editors.CreateAsync(app, "limits-headline@example.com");
        using var editor = await Editors.SignedInAsync(app, "limits-headline@example.com");
        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = new('h', 100_000), ["Body"] = "Kept body." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("at most 500 characters", page.QuerySelector(".field-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Kept body.", page.QuerySelector("textarea[name=Body]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Stored_text_is_nfc_without_control_characters()
    {
        await Editors.CreateAsync(app, "limits-text@example.com");
        using var editor = await Editors.SignedInAsync(app, "limits-text@example.com");
        var id = await DeskPages.CreateAsync(editor, "Cafe\u0301 \u0007news", body: "Line\u0001 one\n\tTabbed e\u0301");

        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal("Caf\u00e9 news", stored.Headline);
        Assert.Equal("Line one\n\tTabbed \u00e9", stored.BodyMarkdown);
    }
}
