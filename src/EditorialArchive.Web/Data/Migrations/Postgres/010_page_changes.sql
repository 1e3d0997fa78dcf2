-- PostgreSQL twin of ../010_page_changes.sql: what each write changed on the public site, for the page cache
-- (scopes content, listing, membership, neighbour, all; see there). Only the newest 10,000 rows are kept.
CREATE TABLE archive_page_changes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id bigint NULL,
    language   text   NULL,
    scope      text   NOT NULL CHECK (scope IN ('content', 'listing', 'membership', 'neighbour', 'all'))
);

CREATE FUNCTION archive_page_changes_prune() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM archive_page_changes WHERE id <= NEW.id - 10000;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_archive_page_changes_prune AFTER INSERT ON archive_page_changes
FOR EACH ROW WHEN (NEW.id % 1000 = 0) EXECUTE FUNCTION archive_page_changes_prune();

-- The published pieces just before and after a place in an edition's section: their previous/next links change.
CREATE FUNCTION archive_note_neighbours(p_language text, p_section_id bigint, p_posted_at text, p_id bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT n.id, n.language, 'neighbour' FROM (
        (SELECT a.id, a.language FROM articles a
         WHERE a.status = 'published' AND a.language = p_language AND a.section_id = p_section_id
           AND (a.posted_at, a.id) < (p_posted_at, p_id)
         ORDER BY a.posted_at DESC, a.id DESC LIMIT 1)
        UNION ALL
        (SELECT a.id, a.language FROM articles a
         WHERE a.status = 'published' AND a.language = p_language AND a.section_id = p_section_id
           AND (a.posted_at, a.id) > (p_posted_at, p_id)
         ORDER BY a.posted_at ASC, a.id ASC LIMIT 1)) AS n
$$;

CREATE FUNCTION archive_page_changes_article() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    moved boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO archive_page_changes (article_id, language, scope) VALUES (NEW.id, NEW.language, 'membership');
        PERFORM archive_note_neighbours(NEW.language, NEW.section_id, NEW.posted_at, NEW.id);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO archive_page_changes (article_id, language, scope) VALUES (OLD.id, OLD.language, 'membership');
    ELSE
        moved := OLD.status IS DISTINCT FROM NEW.status OR OLD.posted_at IS DISTINCT FROM NEW.posted_at
            OR OLD.section_id IS DISTINCT FROM NEW.section_id OR OLD.language IS DISTINCT FROM NEW.language;
        INSERT INTO archive_page_changes (article_id, language, scope)
        VALUES (NEW.id, OLD.language, CASE
            WHEN moved THEN 'membership'
            WHEN OLD.headline IS DISTINCT FROM NEW.headline OR OLD.slug IS DISTINCT FROM NEW.slug
              OR OLD.byline IS DISTINCT FROM NEW.byline THEN 'listing'
            ELSE 'content' END);
        IF OLD.language IS DISTINCT FROM NEW.language THEN
            INSERT INTO archive_page_changes (article_id, language, scope) VALUES (NEW.id, NEW.language, 'membership');
        END IF;
        -- A piece that entered, left or moved: the pieces beside its old and its new place.
        IF moved AND OLD.status = 'published' THEN
            PERFORM archive_note_neighbours(OLD.language, OLD.section_id, OLD.posted_at, OLD.id);
        END IF;
        IF moved AND NEW.status = 'published' THEN
            PERFORM archive_note_neighbours(NEW.language, NEW.section_id, NEW.posted_at, NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_articles_insert_page_changes AFTER INSERT ON articles
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION archive_page_changes_article();

CREATE TRIGGER tr_articles_update_page_changes AFTER UPDATE ON articles
FOR EACH ROW WHEN (OLD.status = 'published' OR NEW.status = 'published') EXECUTE FUNCTION archive_page_changes_article();

CREATE TRIGGER tr_articles_delete_page_changes AFTER DELETE ON articles
FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION archive_page_changes_article();

-- A row that shows on its piece's page (counterpart link, correction, related list): that page, if published.
-- TG_ARGV[0] is the scope.
CREATE FUNCTION archive_page_changes_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO archive_page_changes (article_id, language, scope)
    SELECT a.id, a.language, TG_ARGV[0] FROM articles a
    WHERE a.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END AND a.status = 'published';
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_article_links_page_changes AFTER INSERT OR UPDATE OR DELETE ON article_links
FOR EACH ROW EXECUTE FUNCTION archive_page_changes_owner('content');

CREATE TRIGGER tr_article_corrections_page_changes AFTER INSERT OR DELETE ON article_corrections
FOR EACH ROW EXECUTE FUNCTION archive_page_changes_owner('content');

CREATE FUNCTION archive_page_changes_all() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO archive_page_changes (scope) VALUES ('all');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_sections_page_changes AFTER UPDATE ON sections
FOR EACH ROW EXECUTE FUNCTION archive_page_changes_all();
