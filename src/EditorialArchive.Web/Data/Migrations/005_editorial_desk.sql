-- The editors' desk: every saved state of a piece, former slugs, public correction notes.

-- Never lose a word: one row per save or workflow step, holding the whole piece as it then was.
CREATE TABLE article_revisions (
    id                     INTEGER PRIMARY KEY,
    article_id             INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version                INTEGER NOT NULL,
    saved_at               TEXT    NOT NULL,
    actor_user_id          INTEGER NULL REFERENCES users (id),
    actor_email            TEXT    NULL,
    headline               TEXT    NOT NULL,
    slug                   TEXT    NOT NULL,
    language               TEXT    NOT NULL,
    section_slug           TEXT    NOT NULL,
    byline                 TEXT    NULL,
    body_markdown          TEXT    NOT NULL,
    status                 TEXT    NOT NULL,
    publish_at             TEXT    NULL,
    posted_at              TEXT    NULL,
    counterpart_article_id INTEGER NULL,
    external_url           TEXT    NULL,
    external_title         TEXT    NULL
);

CREATE INDEX ix_article_revisions_article ON article_revisions (article_id, id DESC);

-- Slugs a piece was published under before its current one; their URLs answer 301 to the current one.
CREATE TABLE article_slugs (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    slug       TEXT    NOT NULL,
    retired_at TEXT    NOT NULL,
    PRIMARY KEY (article_id, slug)
) WITHOUT ROWID;

-- Short public notes saying what an update to a published piece corrected.
CREATE TABLE article_corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    noted_at   TEXT    NOT NULL,
    note       TEXT    NOT NULL CHECK (length(note) BETWEEN 1 AND 500)
);

CREATE INDEX ix_article_corrections_article ON article_corrections (article_id, noted_at);

-- The desk lists pieces newest-changed first (keyset on modified_at, id); the scheduler finds due pieces.
CREATE INDEX ix_articles_modified ON articles (modified_at DESC, id DESC);
CREATE INDEX ix_articles_scheduled ON articles (publish_at) WHERE status = 'scheduled';
