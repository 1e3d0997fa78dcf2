-- Pieces that came from another system (`import wordpress`, Import/README.md), so that importing the same or a newer
-- export again updates them instead of adding them twice.
--   source            the site the export came from (its base URL as the export names it)
--   source_id         the item's id there (WordPress post id); with source, the item's identity
--   guid              the item's GUID as the export gave it (kept for reference: WordPress GUIDs can repeat across sites)
--   content_hash      hash of the piece as the importer mapped it: the same hash on a later import means unchanged
--   imported_version  articles.version as the import left it: a higher version means an editor changed the piece since,
--                     and a later import reports a conflict instead of overwriting that change
--   translation_group the source's translation group (Polylang post_translations term), whose two pieces are counterparts
CREATE TABLE import_sources (
    article_id        INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    source            TEXT    NOT NULL,
    source_id         INTEGER NOT NULL,
    guid              TEXT    NULL,
    content_hash      TEXT    NOT NULL,
    imported_version  INTEGER NOT NULL,
    translation_group TEXT    NULL,
    imported_at       TEXT    NOT NULL,
    UNIQUE (source, source_id)
);

CREATE INDEX ix_import_sources_translation_group ON import_sources (source, translation_group) WHERE translation_group IS NOT NULL;

-- Addresses a piece had on the old site (WordPress permalinks such as /2023/05/night-buses/ and /?p=123), answered with
-- a 301 to its address here. path is decoded (Korean as text, not %EC…), NFC, without a trailing slash; the query
-- form is stored as '/?p=123'.
CREATE TABLE legacy_addresses (
    path       TEXT    PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE INDEX ix_legacy_addresses_article ON legacy_addresses (article_id);
