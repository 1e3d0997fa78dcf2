using System.Globalization;
using System.Text;

namespace EditorialArchive.Tests.Security;

/// <summary>Reads <c>xss-corpus.txt</c>: one entry a line, # comments, escapes \n \t \uXXXX \\.</summary>
public static class XssCorpus
{
    public static IReadOnlyList<string> Entries { get; } = Load();

    private static List<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Security", "xss-corpus.txt");
        return [.. File.ReadAllLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(Unescape)];
    }

    public static string Unescape(string line)
    {
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 == line.Length)
            {
                text.Append(line[i]);
                continue;
            }

            switch (line[i + 1])
            {
                case 'n':
                    text.Append('\n');
                    i++;
                    break;
                case 't':
                    text.Append('\t');
                    i++;
                    break;
                case '\\':
                    text.Append('\\');
                    i++;
                    break;
                case 'u' when i + 5 < line.Length && int.TryParse(line.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var unit):
                    text.Append((char)unit);
                    i += 5;
                    break;
                default:
                    text.Append('\\');
                    break;
            }
        }

        return text.ToString();
    }
}
