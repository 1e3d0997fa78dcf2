-- Editors and admins who sign in to /admin. Emails compare case-insensitively. security_stamp changes
-- whenever a password is set or the account is disabled, which ends every session signed in before.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
    display_name    TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role            TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
    password_hash   TEXT    NOT NULL,
    is_disabled     INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT    NULL,
    security_stamp  TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- Who did what, when: sign-ins, failed sign-ins, every workflow step and user change. Rows are only added.
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    occurred_at   TEXT    NOT NULL,
    actor_user_id INTEGER NULL REFERENCES users (id),
    actor_email   TEXT    NULL,
    action        TEXT    NOT NULL,
    target_type   TEXT    NULL,
    target_id     INTEGER NULL,
    detail        TEXT    NULL,
    remote_ip     TEXT    NULL
);

CREATE INDEX ix_audit_log_newest ON audit_log (id DESC);
