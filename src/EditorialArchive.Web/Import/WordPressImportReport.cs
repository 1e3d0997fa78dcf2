using System.Globalization;
using System.Text;

namespace EditorialArchive.Web.Import;

/// <summary>One thing the import could not do as asked, with the source item's id.</summary>
public sealed record ImportWarning(long SourceId, string Message);

/// <summary>What an import did with every item of the file: the verb prints it, the tests read it.</summary>
public sealed class WordPressImportReport
{
    // A file with a systematic problem would otherwise hold every item's warning in memory; the count stays exact.
    public const int MaxWarningsKept = 1000;

    private readonly List<ImportWarning> warnings = [];

    // The mapper (on the reading thread) and the writer (on the importing one) both report.
    private readonly Lock gate = new();
    private int excerptsNotKept;

    public int Items { get; set; }

    public int Imported { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Changed in the file, but an editor changed the piece since the last import: left as the editor made it.</summary>
    public int Conflicts { get; set; }

    public int CounterpartLinks { get; set; }

    public int LegacyAddresses { get; set; }

    public int ExcerptsNotKept => excerptsNotKept;

    public bool DryRun { get; set; }

    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> UnknownCategories { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Tags { get; } = new(StringComparer.Ordinal);

    public int WarningCount { get; private set; }

    public IReadOnlyList<ImportWarning> Warnings => warnings;

    public int SkippedCount => Skipped.Values.Sum();

    public void Warn(long sourceId, string message)
    {
        lock (gate)
        {
            WarningCount++;
            if (warnings.Count < MaxWarningsKept)
            {
                warnings.Add(new ImportWarning(sourceId, message));
            }
        }
    }

    public void Skip(string reason)
    {
        lock (gate)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
        }
    }

    public void CountUnknownCategory(string name)
    {
        lock (gate)
        {
            UnknownCategories[name] = UnknownCategories.GetValueOrDefault(name) + 1;
        }
    }

    public void CountTag(string name)
    {
        lock (gate)
        {
            // Only the number of distinct tags is printed; past a bound, only the total matters.
            if (Tags.Count < 10_000 || Tags.ContainsKey(name))
            {
                Tags[name] = Tags.GetValueOrDefault(name) + 1;
            }
        }
    }

    public void CountExcerptNotKept() => Interlocked.Increment(ref excerptsNotKept);

    /// <summary>The report as the verb prints it.</summary>
    public string Format(string file, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{(DryRun ? "Dry run (nothing was written): " : "")}{Items:N0} items in {file} in {elapsed.TotalSeconds:F1} s");
        text.AppendLine(c, $"  imported   {Imported:N0}");
        text.AppendLine(c, $"  updated    {Updated:N0} (each as a new revision)");
        text.AppendLine(c, $"  unchanged  {Unchanged:N0}");
        text.AppendLine(c, $"  conflicts  {Conflicts:N0} (changed by an editor since the last import: not overwritten)");
        text.AppendLine(c, $"  skipped    {SkippedCount:N0}{(Skipped.Count == 0 ? "" : ": " + string.Join(", ", Skipped.Select(s => $"{s.Key} {s.Value:N0}")))}");
        text.AppendLine(c, $"  counterpart links {CounterpartLinks:N0}, old addresses answering 301 {LegacyAddresses:N0}");
        if (UnknownCategories.Count > 0)
        {
            text.AppendLine(c, $"  categories not mapped to a section (add them to --section-map): {string.Join(", ", UnknownCategories.Select(u => $"{u.Key} ({u.Value:N0})"))}");
        }

        if (Tags.Count > 0)
        {
            text.AppendLine(c, $"  tags not kept (the archive has none): {Tags.Count:N0} distinct, on {Tags.Values.Sum():N0} posts");
        }

        if (ExcerptsNotKept > 0)
        {
            text.AppendLine(c, $"  excerpts not kept (the archive has no excerpt field): {ExcerptsNotKept:N0}");
        }

        text.AppendLine(c, $"  warnings   {WarningCount:N0}{(WarningCount > warnings.Count ? $" (the first {warnings.Count:N0} listed)" : "")}");
        foreach (var warning in warnings)
        {
            text.AppendLine(c, $"    item {warning.SourceId}: {warning.Message}");
        }

        return text.ToString();
    }
}
