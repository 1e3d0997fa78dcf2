using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Submits a page's form the way a browser does: its hidden fields (antiforgery token included) plus what is typed.</summary>
public static class BrowserForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formSelector, IReadOnlyDictionary<string, string> typed)
    {
        using var page = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await SubmitAsync(client, await Html.ParseAsync(page), formSelector, typed);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument document, string formSelector, IReadOnlyDictionary<string, string> typed)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no form matches '{formSelector}'");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || typed.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlButtonElement:
                case IHtmlInputElement { Type: "submit" }:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(typed);
        var action = form.GetAttribute("action");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(string.IsNullOrEmpty(action) ? document.Url : action, content);
    }
}
