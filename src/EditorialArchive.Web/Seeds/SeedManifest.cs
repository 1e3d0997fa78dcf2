using System.Text.Json;
using System.Text.Json.Serialization;

namespace EditorialArchive.Web.Seeds;

/// <summary><c>seeds/manifest.json</c>: which page-text files to import, with what the page text does not say.</summary>
public sealed class SeedManifest
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("pieces")]
    public List<SeedManifestEntry> Pieces { get; init; } = [];

    public static SeedManifest Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, FileName);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<SeedManifest>(stream, new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip })
                ?? throw new SeedFormatException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new SeedFormatException($"{path} is not valid: {ex.Message}");
        }
    }
}

public sealed class SeedManifestEntry
{
    /// <summary>Page-text file inside the seeds folder.</summary>
    [JsonPropertyName("file")]
    public string File { get; init; } = "";

    /// <summary>Section slug (editorial, column, op-ed, letters).</summary>
    [JsonPropertyName("section")]
    public string Section { get; init; } = "editorial";

    [JsonPropertyName("byline")]
    public string? Byline { get; init; }

    /// <summary>Slug to use instead of the one made from the headline.</summary>
    [JsonPropertyName("slug")]
    public string? Slug { get; init; }

    /// <summary>File of the same piece in the other language, when it is in the seeds too.</summary>
    [JsonPropertyName("counterpart")]
    public string? Counterpart { get; init; }
}
