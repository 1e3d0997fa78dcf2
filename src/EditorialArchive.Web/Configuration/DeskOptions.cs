namespace EditorialArchive.Web.Configuration;

/// <summary>Settings of the editors' desk (section <c>Desk</c>).</summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>How often the scheduled publisher looks for pieces whose publishing time has come.</summary>
    public TimeSpan PublishCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest create/edit form the desk reads, in bytes. Larger than the longest valid piece (a 200,000-character
    /// body percent-encodes to at most 2.4 MB), so that an oversized field is read and refused beside the field with
    /// the editor's text kept; a form beyond this is not read at all and gets the form page with a message instead.
    /// </summary>
    public long MaxFormBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>How deeply a body may nest quotes, lists and emphasis (see <c>MarkdownRenderer.NestingDepth</c>).</summary>
    public int MaxMarkdownNesting { get; set; } = 16;
}
