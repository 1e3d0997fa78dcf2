-- What each write changed on the public site, so the page cache evicts only the pages that show it
-- (Data/ArchivePageChangeWatch.cs). Triggers write one row per changed piece; any process reads the rows after
-- the last one it has seen. scope says how far a change reaches:
--   content     the piece's body, times or corrections: its own page and the lists and feeds that show it;
--   listing     also its headline, slug or byline: and the pages that link to it (counterpart, neighbours, related);
--   membership  it entered, left or moved within its edition's lists (status, posted time, section, language):
--               and every list of its edition;
--   neighbour   a piece whose previous/next link changed because another piece moved: its own page only;
--   all         sections changed: every page.
-- Only the newest 10,000 rows are kept; a reader further behind than that evicts everything.
CREATE TABLE archive_page_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NULL,
    language   TEXT    NULL,
    scope      TEXT    NOT NULL CHECK (scope IN ('content', 'listing', 'membership', 'neighbour', 'all'))
);

CREATE TRIGGER tr_archive_page_changes_prune AFTER INSERT ON archive_page_changes
WHEN NEW.id % 1000 = 0
BEGIN
    DELETE FROM archive_page_changes WHERE id <= NEW.id - 10000;
END;

CREATE TRIGGER tr_articles_insert_page_changes AFTER INSERT ON articles
WHEN NEW.status = 'published'
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope) VALUES (NEW.id, NEW.language, 'membership');
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE a.status = 'published' AND a.language = NEW.language AND a.section_id = NEW.section_id
          AND (a.posted_at, a.id) < (NEW.posted_at, NEW.id)
        ORDER BY a.posted_at DESC, a.id DESC LIMIT 1)
    UNION ALL
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE a.status = 'published' AND a.language = NEW.language AND a.section_id = NEW.section_id
          AND (a.posted_at, a.id) > (NEW.posted_at, NEW.id)
        ORDER BY a.posted_at ASC, a.id ASC LIMIT 1);
END;

CREATE TRIGGER tr_articles_update_page_changes AFTER UPDATE ON articles
WHEN OLD.status = 'published' OR NEW.status = 'published'
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT NEW.id, OLD.language, CASE
        WHEN OLD.status IS NOT NEW.status OR OLD.posted_at IS NOT NEW.posted_at
          OR OLD.section_id IS NOT NEW.section_id OR OLD.language IS NOT NEW.language THEN 'membership'
        WHEN OLD.headline IS NOT NEW.headline OR OLD.slug IS NOT NEW.slug OR OLD.byline IS NOT NEW.byline THEN 'listing'
        ELSE 'content' END
    UNION ALL
    SELECT NEW.id, NEW.language, 'membership' WHERE OLD.language IS NOT NEW.language;
END;

-- A piece that entered, left or moved: the pieces beside its old and its new place get new previous/next links.
CREATE TRIGGER tr_articles_move_page_changes AFTER UPDATE ON articles
WHEN (OLD.status = 'published' OR NEW.status = 'published')
  AND (OLD.status IS NOT NEW.status OR OLD.posted_at IS NOT NEW.posted_at
       OR OLD.section_id IS NOT NEW.section_id OR OLD.language IS NOT NEW.language)
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE OLD.status = 'published' AND a.status = 'published' AND a.language = OLD.language AND a.section_id = OLD.section_id
          AND (a.posted_at, a.id) < (OLD.posted_at, OLD.id)
        ORDER BY a.posted_at DESC, a.id DESC LIMIT 1)
    UNION ALL
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE OLD.status = 'published' AND a.status = 'published' AND a.language = OLD.language AND a.section_id = OLD.section_id
          AND (a.posted_at, a.id) > (OLD.posted_at, OLD.id)
        ORDER BY a.posted_at ASC, a.id ASC LIMIT 1)
    UNION ALL
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE NEW.status = 'published' AND a.status = 'published' AND a.language = NEW.language AND a.section_id = NEW.section_id
          AND (a.posted_at, a.id) < (NEW.posted_at, NEW.id)
        ORDER BY a.posted_at DESC, a.id DESC LIMIT 1)
    UNION ALL
    SELECT id, language, 'neighbour' FROM (
        SELECT a.id, a.language FROM articles a
        WHERE NEW.status = 'published' AND a.status = 'published' AND a.language = NEW.language AND a.section_id = NEW.section_id
          AND (a.posted_at, a.id) > (NEW.posted_at, NEW.id)
        ORDER BY a.posted_at ASC, a.id ASC LIMIT 1);
END;

CREATE TRIGGER tr_articles_delete_page_changes AFTER DELETE ON articles
WHEN OLD.status = 'published'
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope) VALUES (OLD.id, OLD.language, 'membership');
END;

-- A counterpart link shows on the piece's page; the piece it names shows nothing new.
CREATE TRIGGER tr_article_links_insert_page_changes AFTER INSERT ON article_links
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'content' FROM articles WHERE id = NEW.article_id AND status = 'published';
END;

CREATE TRIGGER tr_article_links_update_page_changes AFTER UPDATE ON article_links
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'content' FROM articles WHERE id = NEW.article_id AND status = 'published';
END;

CREATE TRIGGER tr_article_links_delete_page_changes AFTER DELETE ON article_links
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'content' FROM articles WHERE id = OLD.article_id AND status = 'published';
END;

CREATE TRIGGER tr_article_corrections_insert_page_changes AFTER INSERT ON article_corrections
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'content' FROM articles WHERE id = NEW.article_id AND status = 'published';
END;

CREATE TRIGGER tr_article_corrections_delete_page_changes AFTER DELETE ON article_corrections
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'content' FROM articles WHERE id = OLD.article_id AND status = 'published';
END;

CREATE TRIGGER tr_sections_page_changes AFTER UPDATE ON sections
BEGIN
    INSERT INTO archive_page_changes (scope) VALUES ('all');
END;
