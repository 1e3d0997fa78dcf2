-- What the article page needs of the other pieces it links to (its counterpart, previous / next, related pieces).
-- status and posted_at sit after both bodies in an articles row, so reading them from the table walked every
-- overflow page of both bodies: about 125 KB read per uncached article page at a million pieces, for pieces whose
-- headline alone is shown. The queries name this index with INDEXED BY and never touch those rows.
CREATE INDEX ix_articles_link ON articles (id, status, language, slug, posted_at, headline);
