-- Search and related pieces keep a match only if it is published and passes the reader's filters. `articles`
-- stores status, language and posted_at after the two bodies, so reading them from the table follows each row's
-- overflow pages (kilobytes per match); this narrow index holds exactly the columns those filters read, keyed
-- by id like the search index's rowid, so a filtered match costs one small index lookup.
CREATE INDEX ix_articles_search_filter ON articles (id, status, language, section_id, posted_at);
