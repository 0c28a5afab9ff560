/**
 * The store's schema as ordered migrations: migration i brings a store from schema version i to
 * i + 1 (PRAGMA user_version). Never edit a released migration; append a new one.
 */
export const migrations: readonly string[] = [
  // 1: sessions, their node trees, content-addressed file contents, results, provenance, events.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    spec_name TEXT NOT NULL,
    spec_hash TEXT NOT NULL,
    repo_path TEXT NOT NULL,
    root_commit TEXT NOT NULL,
    root_checkpoint_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('preparing', 'running', 'paused', 'stopped', 'done', 'failed')),
    reason TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    parent_id TEXT REFERENCES nodes (id),
    depth INTEGER NOT NULL,
    changeset_hash TEXT NOT NULL,
    -- rows this node has in changesets: lets anyone check that a changeset is complete
    changeset_size INTEGER NOT NULL,
    hypothesis TEXT NOT NULL, -- JSON (shared/domain Hypothesis)
    state TEXT NOT NULL CHECK (state IN ('pending', 'checking', 'scored', 'invalid', 'failed-infra', 'pruned')),
    reason TEXT,
    score TEXT, -- JSON (shared/domain Score)
    score_value REAL,
    votes INTEGER NOT NULL CHECK (votes >= 0),
    pinned INTEGER NOT NULL CHECK (pinned IN (0, 1)),
    checkpoint_image_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((parent_id IS NULL) = (depth = 0))
  ) STRICT;
  CREATE INDEX nodes_by_session ON nodes (session_id, created_at);
  CREATE INDEX nodes_by_parent ON nodes (parent_id);
  CREATE UNIQUE INDEX one_root_per_session ON nodes (session_id) WHERE parent_id IS NULL;

  -- file contents, stored once whatever the number of nodes that hold them
  CREATE TABLE blobs (
    hash TEXT PRIMARY KEY, -- sha256 of content, hex
    size INTEGER NOT NULL,
    content BLOB NOT NULL
  ) STRICT;

  -- a node's changes relative to its parent: path -> blob, or NULL for a deletion
  CREATE TABLE changesets (
    node_id TEXT NOT NULL REFERENCES nodes (id),
    path TEXT NOT NULL,
    blob_hash TEXT REFERENCES blobs (hash),
    PRIMARY KEY (node_id, path)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX changesets_by_blob ON changesets (blob_hash);

  CREATE TABLE check_results (
    node_id TEXT NOT NULL REFERENCES nodes (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('gate', 'score')),
    status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'error', 'skipped')),
    new_failures INTEGER NOT NULL,
    fixed_failures INTEGER NOT NULL,
    baseline_failures INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    detail TEXT,
    PRIMARY KEY (node_id, name)
  ) STRICT;

  CREATE TABLE provenance (
    node_id TEXT PRIMARY KEY REFERENCES nodes (id),
    generator TEXT NOT NULL,
    model TEXT,
    prompt_hash TEXT,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    tokens_cached INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    latency_ms REAL NOT NULL
  ) STRICT;

  -- every change to a tree, in order; AUTOINCREMENT so a seq is never reused
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    kind TEXT NOT NULL CHECK (kind IN ('node-added', 'node-updated', 'session-updated')),
    node_id TEXT REFERENCES nodes (id),
    payload TEXT NOT NULL, -- JSON: the shared/domain TreeDelta without its seq
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX events_by_session ON events (session_id, seq);
  CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  `,
  // 2: per-session settings the engine needs to resume a session in a new process (the spec's
  // text, the generators chosen, the root checkpoint's description, time spent).
  `
  CREATE TABLE session_settings (
    session_id TEXT NOT NULL REFERENCES sessions (id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (session_id, key)
  ) STRICT, WITHOUT ROWID;
  `,
  // 3: the store's own identity (every Docker resource is labelled with it, so gc removes only this
  // store's), each changed path's git file mode (executables and symlinks kept as bytes, as git
  // keeps them), and the lease of the one process that runs a session.
  `
  CREATE TABLE store_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  INSERT INTO store_info (key, value) VALUES ('id', lower(hex(randomblob(8))));

  -- NULL: a regular file (100644); 33261 = 0o100755 (executable); 40960 = 0o120000 (symlink: the blob is its target)
  ALTER TABLE changesets ADD COLUMN mode INTEGER CHECK (mode IS NULL OR mode IN (33261, 40960));

  CREATE TABLE session_leases (
    session_id TEXT PRIMARY KEY REFERENCES sessions (id),
    owner TEXT NOT NULL, -- a random token of the holding runner
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    acquired_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
  ) STRICT;
  `,
  // 4: each check run of a node in full (shared/protocol CheckDetail): new and fixed failures by
  // name, exit code and the captured output (capped), so a failure can be read without running it again.
  `
  CREATE TABLE check_details (
    node_id TEXT NOT NULL REFERENCES nodes (id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    detail TEXT NOT NULL, -- JSON (shared/protocol CheckDetail)
    PRIMARY KEY (node_id, name)
  ) STRICT, WITHOUT ROWID;
  `,
];
