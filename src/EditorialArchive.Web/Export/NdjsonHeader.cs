using System.Text.Json;

namespace EditorialArchive.Web.Export;

/// <summary>The first line of an export: what it is, its format version, the schema it was made at, what of the accounts it holds.</summary>
internal sealed record NdjsonHeader(IReadOnlyList<string> Schema, bool WithPasswordHashes)
{
    private const string NotAnExport = $"Line 1: this is not an Editorial Archive export (its first line must be the header, {{\"format\":\"{NdjsonFormat.Name}\",…}}).";

    /// <summary>Reads and checks the header; refuses a format version or schema this app does not know.</summary>
    public static NdjsonHeader Read(ReadOnlySpan<byte> line, IReadOnlyList<string> knownSchema)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(line);
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            throw new NdjsonImportException(NotAnExport);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format)
            || format.ValueKind != JsonValueKind.String || format.GetString() != NdjsonFormat.Name)
        {
            throw new NdjsonImportException(NotAnExport);
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            throw new NdjsonImportException("Line 1: the header has no format version.");
        }

        if (number != NdjsonFormat.Version)
        {
            throw new NdjsonImportException($"Line 1: the file is in format version {number}; this app reads version {NdjsonFormat.Version} only.");
        }

        if (!root.TryGetProperty("schema", out var schemaElement) || schemaElement.ValueKind != JsonValueKind.Array
            || schemaElement.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw new NdjsonImportException("Line 1: the header's schema must be the list of the exporting archive's migrations.");
        }

        var schema = schemaElement.EnumerateArray().Select(item => item.GetString()!).ToList();
        if (ArchiveSchemaCheck.Describe(schema, knownSchema) is { } difference)
        {
            throw new NdjsonImportException($"Line 1: the file was exported at a schema this app does not read: {difference}. Import it with the app version that exported it.");
        }

        var accounts = root.TryGetProperty("accounts", out var accountsElement) && accountsElement.ValueKind == JsonValueKind.String ? accountsElement.GetString() : null;
        if (accounts is not (NdjsonFormat.WithPasswordHashes or NdjsonFormat.WithoutPasswordHashes))
        {
            throw new NdjsonImportException($"Line 1: the header's accounts must be \"{NdjsonFormat.WithPasswordHashes}\" or \"{NdjsonFormat.WithoutPasswordHashes}\".");
        }

        return new NdjsonHeader(schema, accounts == NdjsonFormat.WithPasswordHashes);
    }
}
