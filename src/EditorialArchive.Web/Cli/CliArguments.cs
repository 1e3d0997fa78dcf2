namespace EditorialArchive.Web.Cli;

/// <summary><c>--name value</c> options and bare <c>--flag</c>s of a CLI verb.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> flags)
    {
        var parsed = new CliArguments();
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var name = items.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            if (flags.Contains(name))
            {
                parsed.flags.Add(name);
            }
            else if (items.MoveNext())
            {
                parsed.values[name] = items.Current;
            }
            else
            {
                throw new ArgumentException($"{name} needs a value.");
            }
        }

        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public string Required(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
        ? value
        : throw new ArgumentException($"{name} is required.");
}
