-- 003: the story stage's corpus items (schema 2): incidents and commitment threads.

CREATE TABLE incidents (id TEXT COLLATE "C" PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE threads   (id TEXT COLLATE "C" PRIMARY KEY, json TEXT NOT NULL);
