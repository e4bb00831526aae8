-- 004 for PostgreSQL: the caches of 004_cache.sql, table for table and column for column.

CREATE TABLE annotations (
    content_hash TEXT COLLATE "C" PRIMARY KEY,
    fingerprint  TEXT COLLATE "C" NOT NULL,
    data         BYTEA NOT NULL
);

CREATE TABLE mention_digests (doc TEXT COLLATE "C" PRIMARY KEY, digest TEXT COLLATE "C" NOT NULL);

CREATE TABLE results (
    key  TEXT COLLATE "C" PRIMARY KEY,
    data BYTEA NOT NULL,
    used TEXT COLLATE "C" NOT NULL
);
