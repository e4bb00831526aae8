-- 002 for PostgreSQL (as 002_fts_light.sql): the full-text index gains the proclitic-free
-- column light, and a meta table records which folding rules built it. The index is
-- recreated empty; the store refills it from documents when it opens.

DROP TABLE documents_fts;
CREATE TABLE documents_fts (
    seq   BIGINT PRIMARY KEY REFERENCES documents(seq),
    title TSVECTOR NOT NULL,
    body  TSVECTOR NOT NULL,
    light TSVECTOR NOT NULL,
    ntok  INTEGER NOT NULL,
    tf    JSONB NOT NULL       -- word -> [count in title, in body, in light]
);
CREATE INDEX documents_fts_title ON documents_fts USING GIN (title);
CREATE INDEX documents_fts_body ON documents_fts USING GIN (body);
CREATE INDEX documents_fts_light ON documents_fts USING GIN (light);

CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
