-- 002: the full-text index gains a proclitic-free column (rasd.store.prepare.light) so
-- that بغداد finds وبغداد, and a meta table records which folding rules built it. The
-- index is recreated empty here; the store refills it from documents when it opens
-- (SQL cannot fold Arabic), as it does whenever the folding resources change.

DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, light, content='', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
