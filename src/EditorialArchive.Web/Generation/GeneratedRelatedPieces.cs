namespace EditorialArchive.Web.Generation;

/// <summary>
/// Related lists for generated pieces, made as they are written instead of by a million full-text queries: each
/// piece's list is the newest earlier pieces of its language that share one of its headline's words, the rarest word
/// (so far) first, as the search index's ranking would favour. Memory grows with the vocabulary, not the archive.
/// </summary>
public sealed class GeneratedRelatedPieces(int count)
{
    private readonly Dictionary<string, Recent> byWord = new(StringComparer.Ordinal);

    /// <summary>The list for a new piece, then remembers the piece under each of its words.</summary>
    public IReadOnlyList<long> Next(long id, string language, string headline)
    {
        var words = Words(language, headline);
        var related = new List<long>(count);
        foreach (var word in words.OrderBy(w => byWord.TryGetValue(w, out var r) ? r.Seen : 0).ThenBy(w => w, StringComparer.Ordinal))
        {
            if (byWord.TryGetValue(word, out var recent))
            {
                recent.AddNewestTo(related, count);
            }

            if (related.Count == count)
            {
                break;
            }
        }

        foreach (var word in words)
        {
            if (!byWord.TryGetValue(word, out var recent))
            {
                byWord[word] = recent = new Recent(count);
            }

            recent.Add(id);
        }

        return related;
    }

    /// <summary>Headline words of three letters or more (English, lower-cased), or the two-syllable stems of Korean words.</summary>
    private static HashSet<string> Words(string language, string headline)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in headline.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. token.Where(char.IsLetter)]);
            if (letters.Length >= (language == Articles.Languages.Korean ? 2 : 3))
            {
                words.Add(language + ":" + (language == Articles.Languages.Korean ? letters[..2] : letters.ToLowerInvariant()));
            }
        }

        return words;
    }

    /// <summary>The newest ids seen under one word.</summary>
    private sealed class Recent(int size)
    {
        private readonly long[] ids = new long[size];

        public long Seen { get; private set; }

        public void Add(long id)
        {
            ids[Seen % ids.Length] = id;
            Seen++;
        }

        public void AddNewestTo(List<long> related, int count)
        {
            for (var back = 1; back <= Math.Min(Seen, ids.Length) && related.Count < count; back++)
            {
                var id = ids[(Seen - back) % ids.Length];
                if (!related.Contains(id))
                {
                    related.Add(id);
                }
            }
        }
    }
}
