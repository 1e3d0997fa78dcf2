-- PostgreSQL twin of ../016_scheduler_lease.sql: leases on work only one node may do at a time (the scheduled
-- publisher's rounds), held until expires_at (UTC ISO-8601 text, compared as text like every instant here).
CREATE TABLE scheduler_leases (
    name       text NOT NULL PRIMARY KEY,
    holder     text NOT NULL,
    expires_at text NOT NULL
);
