-- Related pieces computed when a piece is written, not on every page view (Hosting/RelatedPiecesRefresher.cs):
-- article_related holds each published piece's list, best first; article_related_pending the pieces whose list must
-- be computed (again): new or re-titled pieces, and pieces whose list names one that changed status. Until a piece's
-- list is computed the article page asks the search index itself, as it did before. A list computed empty is one row
-- at position 0 with no related_id, so that "none found" is stored (and exported) like any other list.
CREATE TABLE article_related (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    related_id INTEGER NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;

CREATE INDEX ix_article_related_related_id ON article_related (related_id);

CREATE TABLE article_related_pending (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

INSERT INTO article_related_pending (article_id) SELECT id FROM articles WHERE status = 'published';

CREATE TRIGGER tr_articles_insert_related_pending AFTER INSERT ON articles
WHEN NEW.status = 'published'
BEGIN
    INSERT OR IGNORE INTO article_related_pending (article_id) VALUES (NEW.id);
END;

CREATE TRIGGER tr_articles_update_related_pending AFTER UPDATE OF status, headline, language ON articles
WHEN NEW.status = 'published'
  AND (OLD.status IS NOT NEW.status OR OLD.headline IS NOT NEW.headline OR OLD.language IS NOT NEW.language)
BEGIN
    INSERT OR IGNORE INTO article_related_pending (article_id) VALUES (NEW.id);
END;

-- A piece that left (or came back): the lists naming it are computed again. Until then the page leaves it out, since
-- the page reads only published pieces of a list.
CREATE TRIGGER tr_articles_status_related_pending AFTER UPDATE OF status ON articles
WHEN OLD.status IS NOT NEW.status
BEGIN
    INSERT OR IGNORE INTO article_related_pending (article_id)
    SELECT article_id FROM article_related WHERE related_id = NEW.id;
END;

-- A new list shows on the piece's own page only.
CREATE TRIGGER tr_article_related_insert_page_changes AFTER INSERT ON article_related
WHEN NEW.position = 0
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'neighbour' FROM articles WHERE id = NEW.article_id AND status = 'published';
END;

CREATE TRIGGER tr_article_related_delete_page_changes AFTER DELETE ON article_related
WHEN OLD.position = 0
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT id, language, 'neighbour' FROM articles WHERE id = OLD.article_id AND status = 'published';
END;
