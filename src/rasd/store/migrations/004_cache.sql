-- 004: what an update reuses instead of recomputing (docs/monitoring.md). After every batch
-- the corpus-level stages run over the whole store, so each document's annotations, as the
-- annotators left them (before linking edits them), are kept by content hash with the
-- fingerprint of the annotators that made them; a digest of each document's stored
-- mentions lets an update rewrite only the documents whose mentions changed; results keeps
-- what the story step computed per document and the stance model's answer per pair of claim
-- texts, by a digest of everything each depends on (rasd.incremental), so neither is
-- computed again while its inputs hold. A run marks the results it used; the others go.

CREATE TABLE annotations (
    content_hash TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL,   -- rasd.incremental.annotator_fingerprint()
    data         BLOB NOT NULL    -- zlib-compressed JSON of the document's annotation lists
);

CREATE TABLE mention_digests (doc TEXT PRIMARY KEY, digest TEXT NOT NULL);

CREATE TABLE results (
    key  TEXT PRIMARY KEY,        -- kind prefix + digest of the inputs
    data BLOB NOT NULL,           -- zlib-compressed JSON
    used TEXT NOT NULL            -- the last run that used it
);
