namespace EditorialArchive.Web.Configuration;

/// <summary>Settings of the editors' desk (section <c>Desk</c>).</summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>How often the scheduled publisher looks for pieces whose publishing time has come.</summary>
    public TimeSpan PublishCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
