-- PostgreSQL twin of ../003_reading.sql: the search index and the month counts, kept in step with `articles` by
-- triggers inside every writer's transaction. SQLite calls functions the app registers on each connection
-- (Data/ArchiveSqlFunctions.cs); here they are written in SQL, so any client's writes keep the tables right.

-- The newsroom's zone, written by the app at every start from Archive:TimeZone (PostgresArchiveSettings).
CREATE TABLE archive_settings (
    id        integer PRIMARY KEY CHECK (id = 1),
    time_zone text    NOT NULL
);

CREATE FUNCTION archive_zone() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    zone text;
BEGIN
    SELECT s.time_zone INTO zone FROM archive_settings s WHERE s.id = 1;
    IF zone IS NULL THEN
        RAISE EXCEPTION 'archive_settings holds no time zone: the app writes Archive:TimeZone there at start-up';
    END IF;
    RETURN zone;
END;
$$;

-- 'yyyy-MM' of a UTC instant ('...Z') in the newsroom's zone.
CREATE FUNCTION archive_local_month(instant text) RETURNS text
LANGUAGE sql STABLE STRICT AS $$
    SELECT to_char(instant::timestamptz AT TIME ZONE archive_zone(), 'YYYY-MM')
$$;

CREATE FUNCTION archive_nfc(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT normalize(value, NFC)
$$;

-- Overlapping two-syllable pairs of every Hangul run (북한이 -> 북한 한이), space-separated, as HangulBigrams.Of.
CREATE FUNCTION archive_hangul_bigrams(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(string_agg(substr(t.nfc, i, 2), ' ' ORDER BY i), '')
    FROM (SELECT normalize(coalesce(value, ''), NFC) AS nfc) AS t,
         generate_series(1, length(t.nfc) - 1) AS i
    WHERE substr(t.nfc, i, 2) ~ '^[가-힣]{2}$'
$$;

-- The readable text of a Markdown body. Markdig is not in the database: links and images keep their text, inline
-- HTML and Markdown punctuation become spaces. Close enough for word search; the SQLite side uses Markdig itself.
CREATE FUNCTION archive_plain_text(markdown text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(normalize(
        regexp_replace(
            regexp_replace(
                regexp_replace(coalesce(markdown, ''), '!?\[([^]]*)\]\([^)]*\)', '\1', 'g'),
                '<[^>]+>', ' ', 'g'),
            '[*_`#>~|]+', ' ', 'g'),
        NFC))
$$;

-- One row per piece, whatever its status (readers' queries keep only published pieces). document: English stems,
-- headline A, byline B, body C (ts_rank weighs them as bm25(8, 4, 1) does in SQLite); grams: Hangul bigrams of all
-- three, which answer Korean queries of two or more syllables.
CREATE TABLE article_search (
    article_id bigint   PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    document   tsvector NOT NULL,
    grams      tsvector NOT NULL
);

CREATE INDEX ix_article_search_document ON article_search USING gin (document);
CREATE INDEX ix_article_search_grams ON article_search USING gin (grams);

CREATE FUNCTION archive_search_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_headline text := archive_nfc(NEW.headline);
    v_byline   text := archive_nfc(coalesce(NEW.byline, ''));
    v_body     text := archive_plain_text(NEW.body_markdown);
BEGIN
    INSERT INTO article_search (article_id, document, grams)
    VALUES (NEW.id,
            setweight(to_tsvector('english', v_headline), 'A')
                || setweight(to_tsvector('english', v_byline), 'B')
                || setweight(to_tsvector('english', v_body), 'C'),
            to_tsvector('simple', archive_hangul_bigrams(v_headline || chr(10) || v_byline || chr(10) || v_body)))
    ON CONFLICT (article_id) DO UPDATE SET document = excluded.document, grams = excluded.grams;
    RETURN NULL;
END;
$$;

-- A deleted piece's row goes with it (ON DELETE CASCADE).
CREATE TRIGGER articles_search_after_write AFTER INSERT OR UPDATE OF headline, byline, body_markdown ON articles
FOR EACH ROW EXECUTE FUNCTION archive_search_row();

-- Published pieces per language and month in the newsroom's zone.
CREATE TABLE archive_month_counts (
    language text   NOT NULL,
    month    text   NOT NULL, -- yyyy-MM
    count    bigint NOT NULL CHECK (count >= 0),
    PRIMARY KEY (language, month)
);

CREATE FUNCTION archive_month_counts_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
        UPDATE archive_month_counts SET count = count - 1
        WHERE language = OLD.language AND month = archive_local_month(OLD.posted_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        INSERT INTO archive_month_counts (language, month, count)
        VALUES (NEW.language, archive_local_month(NEW.posted_at), 1)
        ON CONFLICT (language, month) DO UPDATE SET count = archive_month_counts.count + 1;
    END IF;
    DELETE FROM archive_month_counts WHERE count = 0;
    RETURN NULL;
END;
$$;

CREATE TRIGGER articles_counts_after_insert AFTER INSERT ON articles
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION archive_month_counts_row();

CREATE TRIGGER articles_counts_after_update AFTER UPDATE OF status, language, posted_at ON articles
FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION archive_month_counts_row();

CREATE TRIGGER articles_counts_after_delete AFTER DELETE ON articles
FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION archive_month_counts_row();

-- The zone the counts were made in; start-up recounts when Archive:TimeZone has changed since (and fills the row).
CREATE TABLE archive_counts_zone (
    id   bigint PRIMARY KEY CHECK (id = 1),
    zone text   NOT NULL
);

CREATE INDEX ix_articles_published_section_posted
    ON articles (language, section_id, posted_at DESC, id DESC)
    WHERE status = 'published';

CREATE INDEX ix_articles_published_byline_posted
    ON articles (language, byline, posted_at DESC, id DESC)
    WHERE status = 'published' AND byline IS NOT NULL;
