-- PostgreSQL twin of ../012_import_sources.sql: pieces imported from another system, and their old addresses.
CREATE TABLE import_sources (
    article_id        bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source            text   NOT NULL,
    source_id         bigint NOT NULL,
    guid              text   NULL,
    content_hash      text   NOT NULL,
    imported_version  bigint NOT NULL,
    translation_group text   NULL,
    imported_at       text   NOT NULL,
    UNIQUE (source, source_id)
);

CREATE INDEX ix_import_sources_translation_group ON import_sources (source, translation_group) WHERE translation_group IS NOT NULL;

CREATE TABLE legacy_addresses (
    path       text   PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

CREATE INDEX ix_legacy_addresses_article ON legacy_addresses (article_id);
