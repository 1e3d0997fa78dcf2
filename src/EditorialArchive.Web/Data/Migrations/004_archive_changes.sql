-- Counters that move whenever the archive changes, so validators cost one primary-key read and can never be
-- stale, whatever code path wrote the change. version moves on any write to pieces, translation links or
-- sections: lists, sitemaps and feeds hash it. listing_version moves only when what a page shows of OTHER
-- pieces can change (publishing, withdrawing, headline, slug, byline, dates, section, links): article pages
-- hash it beside their own version, so showing neighbours (previous/next, related) never serves a stale page,
-- while a body edit elsewhere does not invalidate every article.
CREATE TABLE archive_changes (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    version            INTEGER NOT NULL,
    changed_at         TEXT    NOT NULL,
    listing_version    INTEGER NOT NULL,
    listing_changed_at TEXT    NOT NULL
);

INSERT INTO archive_changes (id, version, changed_at, listing_version, listing_changed_at)
VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TRIGGER tr_articles_insert_archive_changes AFTER INSERT ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_articles_update_archive_changes AFTER UPDATE ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_articles_update_listing_changes AFTER UPDATE ON articles
WHEN OLD.status IS NOT NEW.status OR OLD.headline IS NOT NEW.headline OR OLD.slug IS NOT NEW.slug
  OR OLD.byline IS NOT NEW.byline OR OLD.posted_at IS NOT NEW.posted_at OR OLD.updated_at IS NOT NEW.updated_at
  OR OLD.section_id IS NOT NEW.section_id OR OLD.language IS NOT NEW.language
BEGIN
    UPDATE archive_changes SET listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_articles_delete_archive_changes AFTER DELETE ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_insert_archive_changes AFTER INSERT ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_update_archive_changes AFTER UPDATE ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_delete_archive_changes AFTER DELETE ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_sections_update_archive_changes AFTER UPDATE ON sections
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
        listing_version = listing_version + 1, listing_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

-- Feeds per section use ix_articles_published_section_posted from 003.

-- The Google News sitemap: pieces published in the last two days, newest first.
CREATE INDEX ix_articles_published_posted
    ON articles (posted_at DESC, id DESC)
    WHERE status = 'published';
