-- PostgreSQL twin of ../014_month_id_ranges.sql: the first and last id of the pieces published in each UTC month.
-- The bounds only widen, so they always hold every published piece of their month.
-- (SQLite's 006 and 013 are covering indexes that keep reads off rows whose bodies overflow; PostgreSQL keeps long
-- bodies out of line (TOAST) already. 015 is a second FTS5 index for word fragments, which GIN does not need.)
CREATE TABLE article_month_id_ranges (
    month    text   NOT NULL PRIMARY KEY,
    first_id bigint NOT NULL,
    last_id  bigint NOT NULL
);

CREATE FUNCTION archive_month_id_ranges_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_month_id_ranges (month, first_id, last_id)
    VALUES (substr(NEW.posted_at, 1, 7), NEW.id, NEW.id)
    ON CONFLICT (month) DO UPDATE SET
        first_id = least(article_month_id_ranges.first_id, excluded.first_id),
        last_id  = greatest(article_month_id_ranges.last_id, excluded.last_id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER articles_month_ids_after_insert AFTER INSERT ON articles
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION archive_month_id_ranges_row();

CREATE TRIGGER articles_month_ids_after_update AFTER UPDATE OF status, posted_at ON articles
FOR EACH ROW WHEN (NEW.status = 'published') EXECUTE FUNCTION archive_month_id_ranges_row();
