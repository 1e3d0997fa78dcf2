-- PostgreSQL twin of ../004_archive_changes.sql: counters that move on every write (version) and on writes that
-- change what pages show of other pieces (listing_version).
CREATE TABLE archive_changes (
    id                 bigint PRIMARY KEY CHECK (id = 1),
    version            bigint NOT NULL,
    changed_at         text   NOT NULL,
    listing_version    bigint NOT NULL,
    listing_changed_at text   NOT NULL
);

-- The same UTC ISO-8601 text as strftime('%Y-%m-%dT%H:%M:%SZ', 'now').
CREATE FUNCTION archive_utc_now() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

INSERT INTO archive_changes (id, version, changed_at, listing_version, listing_changed_at)
VALUES (1, 1, archive_utc_now(), 1, archive_utc_now());

-- TG_ARGV[0]: 'all' moves both counters, 'version' or 'listing' one of them.
CREATE FUNCTION archive_changes_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moves_version boolean := TG_ARGV[0] IN ('all', 'version');
    moves_listing boolean := TG_ARGV[0] IN ('all', 'listing');
    now_text      text    := archive_utc_now();
BEGIN
    UPDATE archive_changes SET
        version            = version + CASE WHEN moves_version THEN 1 ELSE 0 END,
        changed_at         = CASE WHEN moves_version THEN now_text ELSE changed_at END,
        listing_version    = listing_version + CASE WHEN moves_listing THEN 1 ELSE 0 END,
        listing_changed_at = CASE WHEN moves_listing THEN now_text ELSE listing_changed_at END
    WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_articles_insert_archive_changes AFTER INSERT ON articles
FOR EACH ROW EXECUTE FUNCTION archive_changes_row('all');

CREATE TRIGGER tr_articles_update_archive_changes AFTER UPDATE ON articles
FOR EACH ROW EXECUTE FUNCTION archive_changes_row('version');

CREATE TRIGGER tr_articles_update_listing_changes AFTER UPDATE ON articles
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.headline IS DISTINCT FROM NEW.headline
    OR OLD.slug IS DISTINCT FROM NEW.slug OR OLD.byline IS DISTINCT FROM NEW.byline
    OR OLD.posted_at IS DISTINCT FROM NEW.posted_at OR OLD.updated_at IS DISTINCT FROM NEW.updated_at
    OR OLD.section_id IS DISTINCT FROM NEW.section_id OR OLD.language IS DISTINCT FROM NEW.language)
EXECUTE FUNCTION archive_changes_row('listing');

CREATE TRIGGER tr_articles_delete_archive_changes AFTER DELETE ON articles
FOR EACH ROW EXECUTE FUNCTION archive_changes_row('all');

CREATE TRIGGER tr_article_links_archive_changes AFTER INSERT OR UPDATE OR DELETE ON article_links
FOR EACH ROW EXECUTE FUNCTION archive_changes_row('all');

CREATE TRIGGER tr_sections_update_archive_changes AFTER UPDATE ON sections
FOR EACH ROW EXECUTE FUNCTION archive_changes_row('all');

-- The Google News sitemap: pieces published in the last two days, newest first.
CREATE INDEX ix_articles_published_posted
    ON articles (posted_at DESC, id DESC)
    WHERE status = 'published';
