-- Sections: each has a stable slug and a name in both languages.
CREATE TABLE sections (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_ko TEXT NOT NULL
);

INSERT INTO sections (id, slug, name_en, name_ko) VALUES
    (1, 'editorial', 'Editorial', '사설'),
    (2, 'column',    'Column',    '칼럼'),
    (3, 'op-ed',     'Op-Ed',     '기고'),
    (4, 'letters',   'Letters',   '독자 편지');

-- One row per piece in one language. Instants are UTC ISO-8601 text (yyyy-MM-ddTHH:mm:ssZ) so that
-- text order is time order. The status list already names the workflow states later features use.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    slug          TEXT    NOT NULL CHECK (length(slug) BETWEEN 1 AND 200),
    language      TEXT    NOT NULL CHECK (language IN ('en', 'ko')),
    headline      TEXT    NOT NULL CHECK (length(headline) BETWEEN 1 AND 500),
    section_id    INTEGER NOT NULL REFERENCES sections (id),
    byline        TEXT    NULL,
    body_markdown TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished', 'trashed')),
    publish_at    TEXT    NULL,
    posted_at     TEXT    NULL,
    updated_at    TEXT    NULL,
    created_at    TEXT    NOT NULL,
    modified_at   TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    CHECK (status <> 'published' OR (posted_at IS NOT NULL AND updated_at IS NOT NULL))
);

-- Newest published pieces per language (home page, keyset pagination on (posted_at, id)).
CREATE INDEX ix_articles_published_language_posted
    ON articles (language, posted_at DESC, id DESC)
    WHERE status = 'published';

-- Links from a piece to related pieces. kind 'translation' is the counterpart in the other language;
-- the target is either a piece of this archive or an external URL with its title.
CREATE TABLE article_links (
    article_id        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('translation')),
    target_language   TEXT    NOT NULL CHECK (target_language IN ('en', 'ko')),
    target_article_id INTEGER NULL REFERENCES articles (id) ON DELETE CASCADE,
    external_url      TEXT    NULL,
    external_title    TEXT    NULL,
    PRIMARY KEY (article_id, kind, target_language),
    CHECK ((target_article_id IS NULL) <> (external_url IS NULL)),
    CHECK (external_url IS NULL OR external_url LIKE 'http://%' OR external_url LIKE 'https://%')
) WITHOUT ROWID;

CREATE INDEX ix_article_links_target ON article_links (target_article_id) WHERE target_article_id IS NOT NULL;
