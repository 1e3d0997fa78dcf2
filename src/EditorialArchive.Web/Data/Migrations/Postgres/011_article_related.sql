-- PostgreSQL twin of ../011_article_related.sql: each published piece's related list, and the queue of pieces whose
-- list must be computed (again).
CREATE TABLE article_related (
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   bigint NOT NULL,
    related_id bigint NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, position)
);

CREATE INDEX ix_article_related_related_id ON article_related (related_id);

CREATE TABLE article_related_pending (
    article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

CREATE FUNCTION archive_related_pending_self() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_related_pending (article_id) VALUES (NEW.id) ON CONFLICT (article_id) DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_articles_insert_related_pending AFTER INSERT ON articles
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION archive_related_pending_self();

CREATE TRIGGER tr_articles_update_related_pending AFTER UPDATE OF status, headline, language ON articles
FOR EACH ROW WHEN (NEW.status = 'published' AND (OLD.status IS DISTINCT FROM NEW.status
    OR OLD.headline IS DISTINCT FROM NEW.headline OR OLD.language IS DISTINCT FROM NEW.language))
EXECUTE FUNCTION archive_related_pending_self();

-- A piece that left (or came back): the lists naming it are computed again.
CREATE FUNCTION archive_related_pending_naming() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_related_pending (article_id)
    SELECT r.article_id FROM article_related r WHERE r.related_id = NEW.id
    ON CONFLICT (article_id) DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_articles_status_related_pending AFTER UPDATE OF status ON articles
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION archive_related_pending_naming();

-- A new list shows on the piece's own page only.
CREATE TRIGGER tr_article_related_insert_page_changes AFTER INSERT ON article_related
FOR EACH ROW WHEN (NEW.position = 0) EXECUTE FUNCTION archive_page_changes_owner('neighbour');

CREATE TRIGGER tr_article_related_delete_page_changes AFTER DELETE ON article_related
FOR EACH ROW WHEN (OLD.position = 0) EXECUTE FUNCTION archive_page_changes_owner('neighbour');
