namespace EditorialArchive.Web.ViewModels;

/// <summary>A friendly page for an error status (404, 400, 500), in the language of the address asked for.</summary>
public sealed class StatusPageViewModel : PageViewModel
{
    public required int StatusCode { get; init; }
    public required string Heading { get; init; }
    public required string Message { get; init; }
}
