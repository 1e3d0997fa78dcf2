-- One row that changes whenever any piece, translation link or section changes. Lists, sitemaps and feeds
-- derive their ETag and Last-Modified from it, so a validator costs one primary-key read and can never be
-- stale, whatever code path wrote the change.
CREATE TABLE archive_changes (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    INTEGER NOT NULL,
    changed_at TEXT    NOT NULL
);

INSERT INTO archive_changes (id, version, changed_at) VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TRIGGER tr_articles_insert_archive_changes AFTER INSERT ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_articles_update_archive_changes AFTER UPDATE ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_articles_delete_archive_changes AFTER DELETE ON articles
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_insert_archive_changes AFTER INSERT ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_update_archive_changes AFTER UPDATE ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_article_links_delete_archive_changes AFTER DELETE ON article_links
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

CREATE TRIGGER tr_sections_update_archive_changes AFTER UPDATE ON sections
BEGIN
    UPDATE archive_changes SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1;
END;

-- Feeds per section, newest first.
CREATE INDEX ix_articles_published_language_section_posted
    ON articles (language, section_id, posted_at DESC, id DESC)
    WHERE status = 'published';

-- The Google News sitemap: pieces published in the last two days, newest first.
CREATE INDEX ix_articles_published_posted
    ON articles (posted_at DESC, id DESC)
    WHERE status = 'published';
