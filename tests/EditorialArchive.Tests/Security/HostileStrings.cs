using System.Globalization;
using System.Text;
using CsCheck;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// Generators of text an attacker or a broken client sends: markup, control characters, NUL, lone surrogates,
/// bidirectional overrides, huge numbers, percent escapes, FTS and SQL syntax, Korean, emoji and very long runs.
/// Markup uses the <see cref="Marker"/> element and attribute so a page check can tell injected markup from the app's.
/// </summary>
public static class HostileStrings
{
    /// <summary>An element name no page of the app uses: finding it in a parsed page means input became markup.</summary>
    public const string Marker = "hostile-tag";

    /// <summary>An event-handler attribute name no page of the app uses.</summary>
    public const string MarkerAttribute = "onhostile";

    public static readonly string[] Fragments =
    [
        $"<{Marker}>", $"</{Marker}>", $"\"><{Marker} {MarkerAttribute}=1>", $"'><{Marker} {MarkerAttribute}='1'>",
        $"<img src=x {MarkerAttribute}=alert(1)>", "<script>alert(1)</script>", "</script><script>alert(1)</script>",
        $"<svg onload=alert(1)><{Marker}/></svg>", "javascript:alert(1)", $"data:text/html,<{Marker}>",
        "[x](javascript:alert(1))", "![x](data:image/svg+xml,<svg onload=alert(1)>)", "<a href=\"javascript:alert(1)\">x</a>",
        "&amp;", "&#x3C;", "&lt;", "&#0;", "&#xD800;", "&", "]]>", "<![CDATA[", "<!--", "-->", "{{", "}}", "${x}",
        "\0", "%00", "%", "%2F", "%u0000", "%ZZ", "%C0%AF", "\u0001", "\u0008", "\u001B[31m", "\u007F", "\u0085", "\u2028", "\u2029",
        "\u202E", "\u202D", "\u2066", "\u200B", "\u200D", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDBFF\uDFFF",
        "\r", "\n", "\r\n", "\t", " ", "\u00A0", "\u3000",
        "'", "\"", "`", "\\", "/", "../", "..%2F", "?", "#", "=", ";", ",", "_", "-", "--", "*", "^", ":", "(", ")", "+",
        "' OR '1'='1", "1; DROP TABLE articles; --", "\" OR 1=1 --", "NEAR(a b)", "headline:", "{headline body}:", "OR", "AND", "NOT",
        "0", "-1", "1e308", "99999999999999999999999999", "9223372036854775807", "-9223372036854775808", "NaN", "Infinity",
        "2023-12-14T23:09:00Z_42", "2023-12-14T23:09:00Z", "_", "2026-02-30T25:61", "0000-00-00T00:00", "9999-12-31T23:59",
        "2026-03-08T02:30", "December. 15, 2023 08:09", "2023-12-15 08:09", "Posted ", "Updated ", "입력 ", "수정 ",
        "Go to contents", "본문 바로가기", "한국어", "English",
        "사설: 서울의 밤", "한글", "ㄱ", "\u1100\u1161", "G7에서", "🙂", "👍🏽", "👨‍👩‍👧", "🇰🇷", "ℌ", "ﬁ", "Å", "A\u030A", "İ", "ß", "Σ",
        "\u0645\u0631\u062D\u0628\u0627", "𝕏", "\uD83D",
    ];

    private static readonly Gen<string> Fragment = Gen.OneOf(Fragments);

    private static readonly Gen<string> AnyChars = Gen.Char.Array[0, 12].Select(chars => new string(chars));

    private static readonly Gen<string> Letters = Gen.Char['a', 'z'].Array[1, 10].Select(chars => new string(chars));

    private static readonly Gen<string> Numbers = Gen.Frequency(
        (3, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 20].Select(n => new string('9', 20 + (n * 5)))));

    private static readonly Gen<string> LongRun = Gen.Select(Gen.Int[1_000, 120_000], Gen.OneOf("a", "<", "한", "🙂", "\0", "*"), (n, unit) =>
    {
        var builder = new StringBuilder(n * unit.Length);
        for (var i = 0; i < n; i++)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    });

    private static readonly Gen<string> Piece = Gen.Frequency((8, Fragment), (3, AnyChars), (4, Letters), (2, Numbers));

    /// <summary>Short hostile text (a few fragments), now and then a very long run.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (60, Piece.Array[0, 8].Select(parts => string.Concat(parts))),
        (1, LongRun));

    /// <summary>Hostile text that is never very long, for places where each input costs a request.</summary>
    public static readonly Gen<string> ShortText = Piece.Array[0, 8].Select(parts => string.Concat(parts));

    /// <summary>Raw bytes percent-encoded, including %00, invalid UTF-8 and encoded slashes, for URL paths and queries.</summary>
    public static readonly Gen<string> PercentEncoded = Gen.Frequency(
        (3, ShortText.Select(EscapeLossy)),
        (1, Gen.Byte.Array[0, 24].Select(bytes => string.Concat(bytes.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture))))));

    /// <summary>Percent-encodes text as UTF-8; a lone surrogate becomes U+FFFD, as a browser sends it.</summary>
    public static string EscapeLossy(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b =>
            char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>Readable form of an input for failure messages: escapes everything outside printable ASCII.</summary>
    public static string Show(string text)
    {
        var shown = text.Length > 300 ? text[..300] + $"…({text.Length} chars)" : text;
        var builder = new StringBuilder();
        foreach (var ch in shown)
        {
            builder.Append(ch is >= ' ' and <= '~' ? ch.ToString() : $"\\u{(int)ch:X4}");
        }

        return builder.ToString();
    }
}
