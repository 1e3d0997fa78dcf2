-- Leases on work that only one of several app instances (nodes) over this database may do at a time: the scheduled
-- publisher's rounds (Hosting/ScheduledPublisher.cs). A node holds a lease until expires_at and renews it each round;
-- another takes it over only once it has expired (its holder stopped or hangs).
--   name        the work ('scheduled-publisher')
--   holder      the instance holding it (machine, process id and a random id per start)
--   expires_at  UTC instant (yyyy-MM-ddTHH:mm:ssZ) after which any node may take it
CREATE TABLE scheduler_leases (
    name       TEXT NOT NULL PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
