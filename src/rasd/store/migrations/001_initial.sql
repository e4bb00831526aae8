-- 001: documents, full-text index, near-duplicate signatures, mentions, corpus views, runs.
-- Nested parts of the models are JSON text; columns exist for what we filter or sort on.

CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- insertion order: "first seen"
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    source       TEXT NOT NULL,
    part         INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL DEFAULT '',
    outlet       TEXT,
    published    TEXT NOT NULL DEFAULT '{}',          -- JSON Published
    pub_value    TEXT,
    language     TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    removed      TEXT NOT NULL DEFAULT '[]',          -- JSON list of Removed
    url          TEXT,
    encoding     TEXT NOT NULL DEFAULT 'utf-8',
    warnings     TEXT NOT NULL DEFAULT '[]',          -- JSON list of str
    page_spans   TEXT NOT NULL DEFAULT '[]',          -- JSON list of PageSpan
    duplicate_of TEXT,
    extra        TEXT NOT NULL DEFAULT '{}'           -- JSON of Document fields added later
);
CREATE INDEX documents_dup ON documents(duplicate_of);
CREATE INDEX documents_source ON documents(source, part);

-- Folded (rasd.text.fold) title and body; rowid = documents.seq. Contentless: the
-- original text lives in documents, snippets are cut from it.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='', tokenize='unicode61 remove_diacritics 2'
);

-- MinHash signature of each document's folded body, for near-duplicate lookup.
CREATE TABLE minhash (
    seq INTEGER PRIMARY KEY REFERENCES documents(seq),
    sig BLOB NOT NULL
);

CREATE TABLE mentions (
    doc   TEXT NOT NULL,
    kind  TEXT NOT NULL,        -- timex | entities | quantities | quotes
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    json  TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc, kind, start);

CREATE TABLE entities    (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE events      (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE claims      (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE commitments (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE conflicts   (id TEXT PRIMARY KEY, json TEXT NOT NULL);

CREATE TABLE runs (
    id       TEXT PRIMARY KEY,
    started  TEXT NOT NULL,
    inputs   TEXT NOT NULL,     -- JSON list
    counts   TEXT NOT NULL,     -- JSON object
    errors   TEXT NOT NULL      -- JSON list of [source, message]
);
