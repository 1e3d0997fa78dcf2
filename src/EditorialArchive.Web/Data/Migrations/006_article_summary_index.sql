-- A narrow copy of each piece's small columns, keyed by id. `articles` stores status, language, dates, version and
-- slug after the two bodies, so reading them from the table follows each row's overflow pages (kilobytes a piece).
-- Queries that touch many pieces but none of their text read this index instead (they name it with INDEXED BY):
-- the search and related-pieces filters, the sitemap index, article sitemaps and their validators, and the
-- article page's validator.
CREATE INDEX ix_articles_summary ON articles (id, status, language, section_id, posted_at, modified_at, version, slug);
