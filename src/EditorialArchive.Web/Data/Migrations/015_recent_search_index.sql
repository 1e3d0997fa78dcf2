-- A second search index over the newest 50,000 pieces (by id), for word fragments. FTS5 answers a prefix ("pric",
-- "econ") by first gathering the postings of every token that starts with it: at a million pieces "pric*" read all
-- of "price" (600,000 pieces) before returning a row, 90-130 ms, and a single Hangul syllable over a second. Over
-- the newest 50,000 the same gathering costs a twentieth, and when they hold a full relevance window it is the very
-- window the whole index would give (the newest matches); otherwise the whole index is asked (SearchRepository).
-- Rows with ids within 50,000 of the newest are always present and current; older rows may linger (ids with gaps
-- are not pruned) and are never read, as every query bounds the rowid.
-- archive_recent_search_floor() is NULL on the app's connections (the floor is then the newest id less 50,000); the
-- generator, which knows its last id in advance, answers it so that only its newest 50,000 pieces are indexed twice.
CREATE VIRTUAL TABLE article_search_recent USING fts5 (
    headline, byline, body, grams,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_recent_search_after_insert AFTER INSERT ON articles
WHEN NEW.id > coalesce(archive_recent_search_floor(), (SELECT max(id) FROM articles) - 50000)
BEGIN
    INSERT INTO article_search_recent (rowid, headline, byline, body, grams)
    SELECT NEW.id, t.headline, t.byline, t.body,
           archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
    FROM (SELECT archive_nfc(NEW.headline) AS headline, archive_nfc(coalesce(NEW.byline, '')) AS byline,
                 archive_plain_text(NEW.body_markdown) AS body) AS t;
    DELETE FROM article_search_recent WHERE rowid = NEW.id - 50000;
END;

CREATE TRIGGER articles_recent_search_after_update AFTER UPDATE OF headline, byline, body_markdown ON articles
WHEN OLD.id > (SELECT max(id) FROM articles) - 50000
BEGIN
    DELETE FROM article_search_recent WHERE rowid = OLD.id;
    INSERT INTO article_search_recent (rowid, headline, byline, body, grams)
    SELECT NEW.id, t.headline, t.byline, t.body,
           archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
    FROM (SELECT archive_nfc(NEW.headline) AS headline, archive_nfc(coalesce(NEW.byline, '')) AS byline,
                 archive_plain_text(NEW.body_markdown) AS body) AS t;
END;

CREATE TRIGGER articles_recent_search_after_delete AFTER DELETE ON articles
WHEN OLD.id > (SELECT max(id) FROM articles) - 50000
BEGIN
    DELETE FROM article_search_recent WHERE rowid = OLD.id;
END;

INSERT INTO article_search_recent (rowid, headline, byline, body, grams)
SELECT t.id, t.headline, t.byline, t.body,
       archive_hangul_bigrams(t.headline || char(10) || t.byline || char(10) || t.body)
FROM (SELECT id, archive_nfc(headline) AS headline, archive_nfc(coalesce(byline, '')) AS byline,
             archive_plain_text(body_markdown) AS body
      FROM articles
      WHERE id > (SELECT max(id) FROM articles) - 50000) AS t;
