using System.Text;

namespace EditorialArchive.Web.Generation;

/// <summary>Headlines and Markdown bodies of generated pieces: English from a word list, Korean from nouns with their particles.</summary>
internal static class GeneratedText
{
    public static string EnglishHeadline(Random random)
    {
        var words = GeneratedWords.EnglishHeadlineWords;
        var first = words[random.Next(words.Length)];
        var second = words[random.Next(words.Length)];
        return random.Next(2) == 0
            ? $"{first} {GeneratedWords.EnglishHeadlineLinks[random.Next(GeneratedWords.EnglishHeadlineLinks.Length)]} {second}"
            : $"{first} {GeneratedWords.EnglishHeadlineVerbs[random.Next(GeneratedWords.EnglishHeadlineVerbs.Length)]}";
    }

    public static string KoreanHeadline(Random random)
    {
        var nouns = GeneratedWords.KoreanNouns;
        var topic = nouns[random.Next(nouns.Length)];
        var other = nouns[random.Next(nouns.Length)];
        var predicate = GeneratedWords.KoreanPredicates[random.Next(GeneratedWords.KoreanPredicates.Length)];
        return $"{WithParticle(topic, "의", "의")} {WithParticle(other, "은", "는")} {predicate}";
    }

    /// <summary>A body of about <paramref name="words"/> words in paragraphs of three to six sentences.</summary>
    public static string EnglishBody(Random random, int words)
    {
        var builder = new StringBuilder(words * 7);
        var written = 0;
        while (written < words)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            var sentences = random.Next(3, 7);
            for (var s = 0; s < sentences && written < words; s++)
            {
                if (s > 0)
                {
                    builder.Append(' ');
                }

                var length = random.Next(8, 22);
                for (var w = 0; w < length; w++)
                {
                    var word = GeneratedWords.English[random.Next(GeneratedWords.English.Length)];
                    if (w > 0)
                    {
                        builder.Append(' ');
                    }

                    if (w == 0)
                    {
                        builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                    }
                    else if (random.Next(60) == 0)
                    {
                        builder.Append('*').Append(word).Append('*');
                    }
                    else
                    {
                        builder.Append(word);
                    }
                }

                builder.Append('.');
                written += length;
            }
        }

        return builder.ToString();
    }

    /// <summary>Korean sentences of about <paramref name="words"/> space-separated words: nouns with their particles (subject, object, topic, genitive, locative) and a predicate.</summary>
    public static string KoreanBody(Random random, int words)
    {
        var builder = new StringBuilder(words * 5);
        var nouns = GeneratedWords.KoreanNouns;
        var written = 0;
        while (written < words)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            var sentences = random.Next(3, 7);
            for (var s = 0; s < sentences && written < words; s++)
            {
                if (s > 0)
                {
                    builder.Append(' ');
                }

                if (random.Next(3) == 0)
                {
                    builder.Append(GeneratedWords.KoreanConnectives[random.Next(GeneratedWords.KoreanConnectives.Length)]).Append(' ');
                    written++;
                }

                var phrases = random.Next(3, 8);
                for (var p = 0; p < phrases; p++)
                {
                    var noun = nouns[random.Next(nouns.Length)];
                    builder.Append(random.Next(7) switch
                    {
                        0 => WithParticle(noun, "이", "가"),
                        1 => WithParticle(noun, "을", "를"),
                        2 => WithParticle(noun, "은", "는"),
                        3 => WithParticle(noun, "의", "의"),
                        4 => WithParticle(noun, "과", "와"),
                        5 => noun + "에서",
                        _ => WithParticle(noun, "으로", "로"),
                    }).Append(' ');
                }

                var predicate = GeneratedWords.KoreanPredicates[random.Next(GeneratedWords.KoreanPredicates.Length)];
                builder.Append(predicate).Append('.');
                written += phrases + 1 + predicate.Count(ch => ch == ' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>The particle form a noun takes: after a final consonant (batchim) the first, after a vowel the second.</summary>
    public static string WithParticle(string noun, string afterConsonant, string afterVowel)
    {
        var last = noun[^1];
        var hasFinalConsonant = last is >= '\uAC00' and <= '\uD7A3' && (last - 0xAC00) % 28 != 0;
        // 으로 after ㄹ is 로 (서울로), as after a vowel.
        if (afterConsonant == "으로" && hasFinalConsonant && (last - 0xAC00) % 28 == 8)
        {
            return noun + afterVowel;
        }

        return noun + (hasFinalConsonant ? afterConsonant : afterVowel);
    }
}
