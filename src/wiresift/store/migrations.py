"""Versioned schema migrations: a list of steps, applied in order, each once.

``schema_version`` holds the highest applied step. Opening a database applies every newer step,
each in its own transaction under the write lock, so an old file is upgraded in place (after a
backup, see ``SQLiteStore``) and a new one starts empty, however many processes open it at once.
Add a step by appending to :data:`MIGRATIONS`; never edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

_V1_DOCUMENTS = """
CREATE TABLE documents (
    num INTEGER PRIMARY KEY,            -- stable rowid for the external-content FTS index
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,  -- exact-duplicate key: the same text is stored once
    source TEXT, url TEXT, site TEXT, title TEXT, published TEXT, language TEXT, format TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    duplicate_of TEXT,                  -- near-duplicate of this document id
    record TEXT NOT NULL,               -- the full JSON record, for a lossless load
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_site ON documents(site);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='num', tokenize='porter unicode61'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.num, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.num, coalesce(old.title, ''), old.text);
END;
"""

_V1_LAYERS = """
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]', titles TEXT NOT NULL DEFAULT '[]',
    canonical_id INTEGER REFERENCES canonical_entities(id),
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_canonical ON entities(canonical_id);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer TEXT NOT NULL,                -- 'entities' or 'places'
    item_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    stage TEXT, stage_version TEXT
);
CREATE INDEX mentions_item ON mentions(doc_id, layer, item_id);
CREATE TABLE quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL, cue TEXT, cue_start INTEGER, cue_end INTEGER,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
    speaker TEXT, speaker_name TEXT,
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value REAL, low REAL, high REAL, qualifier TEXT, unit TEXT, counted TEXT, count_type TEXT,
    claimant TEXT, claimant_name TEXT, place TEXT, time TEXT,
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX claims_counted ON claims(counted);
CREATE TABLE timexes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    type TEXT NOT NULL, value TEXT, mod TEXT,
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX timexes_value ON timexes(value);
CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL, geonames_id INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT,
    kind TEXT, adjectival INTEGER NOT NULL DEFAULT 0, confidence REAL,
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX places_country ON places(country);
CREATE INDEX places_geonames ON places(geonames_id);
CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL, cause TEXT NOT NULL, stage TEXT NOT NULL,
    doc_id TEXT,
    time TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1,   -- how many runs met this same error
    UNIQUE (source, cause, stage)
);
CREATE TABLE signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL             -- MinHash signature for near-duplicate detection
);
"""

_V1_CANONICAL = """
CREATE TABLE canonical_entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, type TEXT NOT NULL,
    members INTEGER NOT NULL DEFAULT 0,  -- document entities attached (kept, not counted per query)
    created TEXT NOT NULL
);
CREATE INDEX canonical_entities_type ON canonical_entities(type);
-- Summaries of a record's members, so resolving stays O(distinct names), not O(members).
CREATE TABLE canonical_names (
    canonical_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,        -- entities.rowid of its first member
    PRIMARY KEY (canonical_id, name)
);
CREATE TABLE canonical_titles (
    canonical_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    PRIMARY KEY (canonical_id, title)
);
CREATE TABLE canonical_keys (
    canonical_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
    key TEXT NOT NULL,                  -- 'name:...', 'acronym:...', 'surname:...'
    PRIMARY KEY (canonical_id, key)
);
CREATE INDEX canonical_keys_key ON canonical_keys(key);
CREATE TABLE canonical_evidence (
    id INTEGER PRIMARY KEY,
    canonical_id INTEGER NOT NULL REFERENCES canonical_entities(id) ON DELETE CASCADE,
    doc_id TEXT, entity_id TEXT,
    rule TEXT NOT NULL,                 -- new | name | alias | acronym | surname+title | surname+org | merge | split
    matched_names TEXT NOT NULL DEFAULT '[]',
    matched_titles TEXT NOT NULL DEFAULT '[]',
    time TEXT NOT NULL
);
CREATE INDEX canonical_evidence_canonical ON canonical_evidence(canonical_id);
"""

#: Every schema step, in order. Index + 1 is the version number stored in ``schema_version``.
_V2_WORKBENCH = """
-- Covering indexes for the workbench's faceted search, near-duplicate lists and entity pages:
-- facets over 10,000 documents drop from ~25 ms to ~5 ms each (benchmarks/web_speed.py).
CREATE INDEX places_doc_country ON places(doc_id, country, adjectival);
CREATE INDEX places_country_doc ON places(country, adjectival, doc_id);
CREATE INDEX entities_canonical_type_doc ON entities(canonical_id, type, doc_id);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
-- Lets a search collect its hits without reading the large document rows (text, record).
CREATE INDEX documents_meta ON documents(num, id, site, published);
-- The same for joins by document id that only need the title and date (entity, quote, claim lists).
CREATE INDEX documents_titles ON documents(id, num, title, published);
-- Small named JSON values that outlive one run, e.g. the boilerplate lines learned per site.
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated TEXT NOT NULL);
"""

#: Quote modes (statement, belief, intention, knowledge, other) and speaker confidence (#11). Rows
#: stored before it were all taken for statements.
_V3_QUOTE_MODES = """
ALTER TABLE quotes ADD COLUMN mode TEXT NOT NULL DEFAULT 'statement';
ALTER TABLE quotes ADD COLUMN speaker_confidence REAL;
CREATE INDEX quotes_mode ON quotes(mode);
"""

_V4_EVENTS = """
-- The events layer (#14): one row per event, its trigger span, codes, actors' spans and codes.
CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    plover TEXT, quad TEXT, mode TEXT, cameo TEXT, acled TEXT,
    negated INTEGER NOT NULL DEFAULT 0, hypothetical TEXT, reported_by TEXT,
    source_text TEXT, source_start INTEGER, source_end INTEGER, source_entity TEXT, source_code TEXT,
    source_sector TEXT,
    target_text TEXT, target_start INTEGER, target_end INTEGER, target_entity TEXT, target_code TEXT,
    target_sector TEXT,
    place TEXT, time TEXT, dead INTEGER, injured INTEGER, size INTEGER, confidence REAL,
    stage TEXT, stage_version TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX events_acled ON events(acled);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
"""

#: Analysts' corrections (docs/corrections.md): each row is one decision, applied over the stored
#: layers and over every later analysis of its document; undoing stamps ``undone_at``, nothing is
#: deleted. ``analysed_records`` keeps the analysis as the pipeline made it, for the documents
#: that have corrections, so that an undo can restore what a correction took away.
_V5_CORRECTIONS = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                 -- reject_quote, reassign_speaker, reject_place, reject_claim,
                                        -- merge_entities, split_entity
    doc_id TEXT,                        -- the document of a layer item (NULL for entity corrections)
    item_id TEXT,                       -- the item's id in its layer
    item_start INTEGER, item_end INTEGER, -- its span: finds the item again after a re-analysis
    canonical_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list of the canonical entities concerned
    payload TEXT NOT NULL DEFAULT '{}', -- JSON: what the correction sets (new speaker, moved members)
    who TEXT NOT NULL,
    made_at TEXT NOT NULL,              -- UTC ISO 8601
    why TEXT NOT NULL DEFAULT '',
    undone_at TEXT,
    undone_by TEXT
);
CREATE INDEX corrections_doc ON corrections(doc_id);
CREATE TABLE analysed_records (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record TEXT NOT NULL
);
"""

_V6_STORIES = """
-- Stories (#15): each article's story, how it joined (evidence JSON, score), the clusterer's
-- per-article profile (so an ingest resumes without re-reading documents), and the claims and
-- quotes tracked across a story's articles with every mention.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT, first_published TEXT, last_published TEXT,
    articles INTEGER NOT NULL, outlets INTEGER NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX stories_last ON stories(last_published);
CREATE TABLE story_articles (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    how TEXT NOT NULL, score REAL NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX story_articles_story ON story_articles(story_id, position);
CREATE TABLE story_profiles (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    profile TEXT NOT NULL
);
CREATE TABLE tracked_claims (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    counted TEXT NOT NULL, unit TEXT,
    first_doc_id TEXT NOT NULL, first_published TEXT, first_site TEXT,
    mentions INTEGER NOT NULL,
    claimants TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX tracked_claims_story ON tracked_claims(story_id);
CREATE TABLE tracked_claim_mentions (
    tracked_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc_id TEXT NOT NULL, claim_id TEXT NOT NULL,
    published TEXT, site TEXT,
    value REAL, low REAL, high REAL, qualifier TEXT,
    text TEXT NOT NULL, claimant TEXT,
    label TEXT NOT NULL, copied_from TEXT,
    PRIMARY KEY (tracked_id, position)
);
CREATE INDEX tracked_claim_mentions_doc ON tracked_claim_mentions(doc_id);
CREATE TABLE tracked_quotes (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    speaker TEXT, text TEXT NOT NULL,
    first_doc_id TEXT NOT NULL, first_published TEXT, first_site TEXT,
    mentions INTEGER NOT NULL
);
CREATE INDEX tracked_quotes_story ON tracked_quotes(story_id);
CREATE TABLE tracked_quote_mentions (
    tracked_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc_id TEXT NOT NULL, quote_id TEXT NOT NULL,
    published TEXT, site TEXT,
    text TEXT NOT NULL, speaker TEXT,
    label TEXT NOT NULL, copied_from TEXT,
    drift REAL NOT NULL,
    PRIMARY KEY (tracked_id, position)
);
CREATE INDEX tracked_quote_mentions_doc ON tracked_quote_mentions(doc_id);
"""

#: The map's places with their counts, kept by triggers at every write (#13): grouping every place
#: row per request took 240 ms at 100,000 documents. ``articles`` counts documents (a document
#: naming a place twice counts once), ``mentions`` place rows, as the grouping query did.
_V7_PLACE_COUNTS = """
CREATE TABLE place_counts (
    name TEXT NOT NULL, country TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    geonames_id INTEGER, admin1 TEXT, kind TEXT,
    articles INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (name, country, lat, lon)
);
CREATE INDEX place_counts_articles ON place_counts(articles, name);
CREATE INDEX place_counts_country ON place_counts(country, articles);
-- Covers the entity facet of a search (the hits' entities by document, type and canonical id).
CREATE INDEX entities_doc_type_canonical ON entities(doc_id, type, canonical_id);
-- The entity list, most mentioned first, read in order.
CREATE INDEX canonical_entities_members ON canonical_entities(members);
INSERT INTO place_counts(name, country, lat, lon, geonames_id, admin1, kind, articles, mentions)
SELECT name, coalesce(country, ''), lat, lon, max(geonames_id), max(admin1), max(kind),
       count(DISTINCT doc_id), count(*)
FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL AND adjectival = 0
GROUP BY name, coalesce(country, ''), lat, lon;
CREATE TRIGGER places_counted_ai AFTER INSERT ON places
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.adjectival = 0 BEGIN
  INSERT INTO place_counts(name, country, lat, lon, geonames_id, admin1, kind, articles, mentions)
  VALUES (new.name, coalesce(new.country, ''), new.lat, new.lon, new.geonames_id, new.admin1, new.kind, 0, 0)
  ON CONFLICT(name, country, lat, lon) DO NOTHING;
  UPDATE place_counts SET mentions = mentions + 1, articles = articles + (
    SELECT CASE WHEN count(*) = 1 THEN 1 ELSE 0 END FROM places p
    WHERE p.doc_id = new.doc_id AND p.name = new.name AND coalesce(p.country, '') = coalesce(new.country, '') AND p.lat = new.lat AND p.lon = new.lon AND p.adjectival = 0)
  WHERE name = new.name AND country = coalesce(new.country, '') AND lat = new.lat AND lon = new.lon;
END;
CREATE TRIGGER places_counted_ad AFTER DELETE ON places
WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL AND old.adjectival = 0 BEGIN
  UPDATE place_counts SET mentions = mentions - 1, articles = articles - (
    SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM places p
    WHERE p.doc_id = old.doc_id AND p.name = old.name AND coalesce(p.country, '') = coalesce(old.country, '') AND p.lat = old.lat AND p.lon = old.lon AND p.adjectival = 0)
  WHERE name = old.name AND country = coalesce(old.country, '') AND lat = old.lat AND lon = old.lon;
  DELETE FROM place_counts WHERE mentions <= 0;
END;
CREATE TRIGGER places_counted_au_old AFTER UPDATE OF name, country, lat, lon, adjectival, doc_id ON places
WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL AND old.adjectival = 0 BEGIN
  UPDATE place_counts SET mentions = mentions - 1, articles = articles - (
    SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM places p
    WHERE p.doc_id = old.doc_id AND p.name = old.name AND coalesce(p.country, '') = coalesce(old.country, '') AND p.lat = old.lat AND p.lon = old.lon AND p.adjectival = 0)
  WHERE name = old.name AND country = coalesce(old.country, '') AND lat = old.lat AND lon = old.lon;
  DELETE FROM place_counts WHERE mentions <= 0;
END;
CREATE TRIGGER places_counted_au_new AFTER UPDATE OF name, country, lat, lon, adjectival, doc_id ON places
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.adjectival = 0 BEGIN
  INSERT INTO place_counts(name, country, lat, lon, geonames_id, admin1, kind, articles, mentions)
  VALUES (new.name, coalesce(new.country, ''), new.lat, new.lon, new.geonames_id, new.admin1, new.kind, 0, 0)
  ON CONFLICT(name, country, lat, lon) DO NOTHING;
  UPDATE place_counts SET mentions = mentions + 1, articles = articles + (
    SELECT CASE WHEN count(*) = 1 THEN 1 ELSE 0 END FROM places p
    WHERE p.doc_id = new.doc_id AND p.name = new.name AND coalesce(p.country, '') = coalesce(new.country, '') AND p.lat = new.lat AND p.lon = new.lon AND p.adjectival = 0)
  WHERE name = new.name AND country = coalesce(new.country, '') AND lat = new.lat AND lon = new.lon;
END;
"""

#: Step 8 makes PostgreSQL's narrow search table (``documents_search``, see ``pg_migrations``). SQLite
#: has its counterpart since step 2: FTS5 counts and walks its own index, and the covering index
#: ``documents_meta`` holds what a search's window keeps. The step restates that index (``IF NOT
#: EXISTS``: nothing changes) so that both backends keep the same schema step numbers.
_V8_SEARCH_TABLE = """
CREATE INDEX IF NOT EXISTS documents_meta ON documents(num, id, site, published);
"""

#: Step 9 (#14): an event's coordinated actors beyond the first of each role ("Ruritania and Bree
#: struck"), each list as the JSON array of its actors (text, start, end, entity, code, sector); the
#: rows written before hold none.
_V9_EVENT_ACTORS = """
ALTER TABLE events ADD COLUMN also_sources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN also_targets TEXT NOT NULL DEFAULT '[]';
"""

MIGRATIONS: Sequence[str] = (
    _V1_CANONICAL + _V1_DOCUMENTS + _V1_LAYERS,
    _V2_WORKBENCH,
    _V3_QUOTE_MODES,
    _V4_EVENTS,
    _V5_CORRECTIONS,
    _V6_STORIES,
    _V7_PLACE_COUNTS,
    _V8_SEARCH_TABLE,
    _V9_EVENT_ACTORS,
)


class SchemaTooNew(RuntimeError):
    """The database was written by a newer wiresift; ``str(exc)`` says so in one line."""


def statements(script: str) -> list[str]:
    """The SQL statements of ``script``, each complete (a trigger body keeps its inner semicolons)."""
    out: list[str] = []
    buffer = ""
    for part in script.split(";")[:-1]:
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    rest = buffer + script.rsplit(";", 1)[-1]
    if any(line.strip() and not line.strip().startswith("--") for line in rest.splitlines()):
        raise ValueError(f"incomplete SQL statement at the end of a migration step: {rest.strip()[:80]!r}")
    return out


def current_version(conn: sqlite3.Connection) -> int:
    """The highest applied step; 0 for a new, empty database (nothing is written to find out)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


Backup = Callable[[int], None]
"""``backup(version)``: copy the database as it is at ``version``, before a step changes it."""


def migrate(
    conn: sqlite3.Connection, steps: Sequence[str] | None = None, *, backup: Backup | None = None
) -> int:
    """Apply every step newer than the database's version; return the resulting version.

    Each step runs in its own ``BEGIN IMMEDIATE`` transaction with its version row, and the
    version is read again once the write lock is held: of several processes opening a new or
    old database at once, one migrates and the others find the work done. A step that fails
    (or a process killed during one) rolls back whole, so the file is always at a released
    version and the next open goes on from there. ``backup`` is called under the same lock,
    once, before the first step that changes an existing database.
    """
    steps = MIGRATIONS if steps is None else steps
    version = current_version(conn)
    backed_up = False
    while True:
        if version > len(steps):
            raise SchemaTooNew(
                f"database schema version {version} is newer than this wiresift ({len(steps)}): upgrade wiresift"
            )
        if version == len(steps):
            return version
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = current_version(conn)  # another process may have migrated while we waited
            if version < len(steps):
                if version > 0 and backup is not None and not backed_up:
                    backup(version)
                    backed_up = True
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                for statement in statements(steps[version]):
                    conn.execute(statement)
                version += 1
                conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
