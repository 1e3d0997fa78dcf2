-- Reading side: full-text search, archive counts, and indexes for section and byline lists.
--
-- The search index and the month counts are kept in step with `articles` by triggers, so every writer
-- (seed importer, admin, a later migration) updates them inside its own transaction. The triggers call SQL
-- functions that the app registers on every connection it opens (Data/ArchiveSqlFunctions.cs):
--   archive_nfc(text)             Unicode NFC
--   archive_plain_text(markdown)  the readable text of a Markdown body, NFC
--   archive_hangul_bigrams(text)  overlapping two-syllable pairs of every Hangul run (북한이 -> 북한 한이)
--   archive_local_month(instant)  'yyyy-MM' of a UTC instant in the newsroom's time zone
--   archive_zone()                that zone's id
-- A connection without them (the bare sqlite3 shell) cannot write articles: it fails instead of leaving
-- the index stale.

-- One row per piece (rowid = articles.id), whatever its status: readers' queries join back to `articles`
-- and keep only published pieces, so a status change needs no index work.
-- headline, byline, body: word tokens (Porter-stemmed English, whole Korean words with their particles);
-- grams: Hangul bigrams of all three, which answer Korean queries of two or more syllables.
-- Contentless: the index keeps tokens only (the text is in `articles`; snippets are cut from there), which
-- halves the database; contentless_delete lets the triggers delete a row by its id alone.
CREATE VIRTUAL TABLE article_search USING fts5 (
    headline, byline, body, grams,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Relevance: a hit in the headline outweighs one in the byline, which outweighs one in the body.
INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 1.0)');

CREATE TRIGGER articles_search_after_insert AFTER INSERT ON articles
BEGIN
    INSERT INTO article_search (rowid, headline, byline, body, grams)
    SELECT NEW.id, t.headline, t.byline, t.body,
           archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
    FROM (SELECT archive_nfc(NEW.headline) AS headline, archive_nfc(coalesce(NEW.byline, '')) AS byline,
                 archive_plain_text(NEW.body_markdown) AS body) AS t;
END;

CREATE TRIGGER articles_search_after_update AFTER UPDATE OF headline, byline, body_markdown ON articles
BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
    INSERT INTO article_search (rowid, headline, byline, body, grams)
    SELECT NEW.id, t.headline, t.byline, t.body,
           archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
    FROM (SELECT archive_nfc(NEW.headline) AS headline, archive_nfc(coalesce(NEW.byline, '')) AS byline,
                 archive_plain_text(NEW.body_markdown) AS body) AS t;
END;

CREATE TRIGGER articles_search_after_delete AFTER DELETE ON articles
BEGIN
    DELETE FROM article_search WHERE rowid = OLD.id;
END;

INSERT INTO article_search (rowid, headline, byline, body, grams)
SELECT t.id, t.headline, t.byline, t.body,
       archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
FROM (SELECT id, archive_nfc(headline) AS headline, archive_nfc(coalesce(byline, '')) AS byline,
             archive_plain_text(body_markdown) AS body
      FROM articles) AS t;

-- Published pieces per language and month (in the newsroom's zone): the archive's navigation reads a few
-- hundred rows instead of counting a million pieces on every request.
CREATE TABLE archive_month_counts (
    language TEXT    NOT NULL,
    month    TEXT    NOT NULL, -- yyyy-MM
    count    INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (language, month)
) WITHOUT ROWID;

CREATE TRIGGER articles_counts_after_insert AFTER INSERT ON articles
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO archive_month_counts (language, month, count)
    VALUES (NEW.language, archive_local_month(NEW.posted_at), 1)
    ON CONFLICT (language, month) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER articles_counts_after_delete AFTER DELETE ON articles
WHEN OLD.status = 'published'
BEGIN
    UPDATE archive_month_counts SET count = count - 1
    WHERE language = OLD.language AND month = archive_local_month(OLD.posted_at);
    DELETE FROM archive_month_counts WHERE count = 0;
END;

CREATE TRIGGER articles_counts_after_update AFTER UPDATE OF status, language, posted_at ON articles
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    UPDATE archive_month_counts SET count = count - 1
    WHERE OLD.status = 'published' AND language = OLD.language AND month = archive_local_month(OLD.posted_at);
    INSERT INTO archive_month_counts (language, month, count)
    SELECT NEW.language, archive_local_month(NEW.posted_at), 1
    WHERE NEW.status = 'published'
    ON CONFLICT (language, month) DO UPDATE SET count = count + 1;
    DELETE FROM archive_month_counts WHERE count = 0;
END;

INSERT INTO archive_month_counts (language, month, count)
SELECT language, archive_local_month(posted_at), count(*)
FROM articles
WHERE status = 'published'
GROUP BY language, archive_local_month(posted_at);

-- The zone the counts were made in; start-up recounts when Archive:TimeZone has changed since.
CREATE TABLE archive_counts_zone (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    zone TEXT    NOT NULL
);

INSERT INTO archive_counts_zone (id, zone) VALUES (1, archive_zone());

-- Section and byline lists, newest first, keyset-paged on (posted_at, id); covering the filter columns.
CREATE INDEX ix_articles_published_section_posted
    ON articles (language, section_id, posted_at DESC, id DESC)
    WHERE status = 'published';

CREATE INDEX ix_articles_published_byline_posted
    ON articles (language, byline, posted_at DESC, id DESC)
    WHERE status = 'published' AND byline IS NOT NULL;
