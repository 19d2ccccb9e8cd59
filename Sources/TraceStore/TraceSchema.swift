// The trace database schema. Traces/schema.sql is the readable twin of this text; a test keeps
// the two byte-for-byte identical.
enum TraceSchema {
    static let version: Int32 = 3

    static let sql = #"""
-- Hybridize trace database, schema version 3 (2 added effects.repeat_count, effects.graph_count
-- and function_lines; 3 added hybrid_calls; a version 1 or 2 database is upgraded in place when
-- a run is appended, and read as it is otherwise).
-- One database holds any number of runs (appended runs, merged shards). Every table but `runs`
-- is keyed by run_id plus ids local to that run, so runs never collide and merging is a copy.
-- Rows are aggregates (distinct signatures, effects and edges with counts), never one per call.
-- Tables keyed by run and local id are WITHOUT ROWID: one b-tree each instead of a table plus
-- the index of its primary key, which halves a small database.
-- Stable for users and scripts: the views observed_calls and observed_effects (SPEC §8).

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,            -- the traced command as typed, e.g. "pytest -q tests"
    root TEXT NOT NULL,               -- project root (absolute); files below are relative to it
    python_version TEXT,
    tensorflow_version TEXT,          -- NULL when the run never imported TensorFlow
    hook TEXT NOT NULL,               -- "frame-eval" (PEP 523) or "profile"
    shard TEXT,                       -- "K/N" when the run was one shard of a pytest suite;
                                      -- a shard after the first records no calls made outside
                                      -- tests (imports, collection), which every shard repeats
    started_at TEXT NOT NULL,         -- ISO 8601, UTC
    ended_at TEXT,                    -- NULL while running or when the process died
    exit_status INTEGER               -- the command's own exit status; NULL as for ended_at
);

CREATE TABLE IF NOT EXISTS tests (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    id INTEGER NOT NULL,
    nodeid TEXT NOT NULL,             -- pytest node id; "<script>" or "<module>" outside pytest
    outcome TEXT,                     -- passed, failed, skipped, error; NULL if it never finished
    duration REAL,                    -- seconds, as pytest measured the call phase
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS functions (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    id INTEGER NOT NULL,
    file TEXT NOT NULL,               -- relative to runs.root
    qualname TEXT NOT NULL,           -- Python's __qualname__, e.g. "outer.<locals>.inner"
    line INTEGER NOT NULL,            -- line of the `def` keyword (decorators excluded)
    params TEXT NOT NULL,             -- parameter names, comma-separated, in order
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

-- A distinct call signature: the kinds, dtypes, shapes and bounded literal values of every
-- parameter, and whether TensorFlow was building a graph (tf.function tracing) at the time.
CREATE TABLE IF NOT EXISTS signatures (
    run_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    graph INTEGER NOT NULL,           -- 1: called while TensorFlow traced a graph
    calls INTEGER NOT NULL,
    total_ns INTEGER NOT NULL,        -- wall time inside the call, callees included
    max_ns INTEGER NOT NULL,
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS signature_params (
    run_id INTEGER NOT NULL,
    signature_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    param TEXT NOT NULL,
    kind TEXT NOT NULL,               -- Tensor, Variable, ndarray, int, ... or the class name
    dtype TEXT,                       -- tensors and arrays
    shape TEXT,                       -- "[32, 8]", "[None, 8]", "<unknown>" for unknown rank
    elements TEXT,                    -- containers: the kinds of their elements, "Tensor|int"
    value TEXT,                       -- primitives: repr, bounded; "<many>" past the bound
    PRIMARY KEY (run_id, signature_id, position)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS signature_tests (
    run_id INTEGER NOT NULL,
    signature_id INTEGER NOT NULL,
    test_id INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    PRIMARY KEY (run_id, signature_id, test_id)
) WITHOUT ROWID;

-- Non-tensor, non-primitive arguments (models, optimizers, configs): how many distinct objects a
-- parameter received. One optimizer for every call is 1; a new one per call grows with calls.
CREATE TABLE IF NOT EXISTS param_identities (
    run_id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    param TEXT NOT NULL,
    kind TEXT NOT NULL,
    distinct_objects INTEGER NOT NULL,
    saturated INTEGER NOT NULL,       -- 1: more objects than the tracer kept count of
    calls INTEGER NOT NULL,
    PRIMARY KEY (run_id, function_id, param, kind)
) WITHOUT ROWID;

-- Distinct literal values per primitive parameter (each one is a retrace under tf.function).
CREATE TABLE IF NOT EXISTS param_values (
    run_id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    param TEXT NOT NULL,
    distinct_values INTEGER NOT NULL,
    saturated INTEGER NOT NULL,       -- 1: more values than the tracer kept count of
    PRIMARY KEY (run_id, function_id, param)
) WITHOUT ROWID;

-- Effects seen during a call, callees included. `line` is where in this function the effect
-- happened or, for an effect of a callee, the line of the call that led to it (via_function_id).
CREATE TABLE IF NOT EXISTS effects (
    run_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    kind TEXT NOT NULL,               -- global_write, attribute_write, item_write, print, io,
                                      -- logging, iterator, variable_creation
    target TEXT NOT NULL,
    line INTEGER NOT NULL,
    via_function_id INTEGER,          -- NULL when the function itself did it
    count INTEGER NOT NULL,
    first_test_id INTEGER,
    repeat_count INTEGER NOT NULL DEFAULT 0,  -- of count: on calls after the function's first
                                      -- (for a method, after its first on the same receiver)
    graph_count INTEGER NOT NULL DEFAULT 0,   -- of count: on calls made while TensorFlow traced
                                      -- a graph (tf.function, Dataset.map, Keras building a layer)
    PRIMARY KEY (run_id, id)
) WITHOUT ROWID;

-- Line coverage of traced calls (trace --coverage): a `false` drawn from traces alone is only
-- as good as the lines that ran. `executable` counts the function's own lines (nested defs
-- excluded); `covered` lists those that ran, as comma-separated line numbers.
CREATE TABLE IF NOT EXISTS function_lines (
    run_id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    executable INTEGER NOT NULL,
    covered TEXT NOT NULL,
    PRIMARY KEY (run_id, function_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS edges (
    run_id INTEGER NOT NULL,
    caller_id INTEGER NOT NULL,
    callee_id INTEGER NOT NULL,
    line INTEGER NOT NULL,            -- call-site line in the caller
    calls INTEGER NOT NULL,
    PRIMARY KEY (run_id, caller_id, callee_id, line)
) WITHOUT ROWID;

-- Calls of a project function through its tf.function wrapper (TensorFlow's polymorphic
-- Function.__call__): `traced` 1 for calls during which TensorFlow ran the Python body to build a
-- graph (first calls and retraces), 0 for calls that ran an existing graph (steady state), 2 for
-- a test's first call that ran an existing graph (warm-up: reseeding in a fixture clears
-- TensorFlow's kernel caches, and that call rebuilds them).
CREATE TABLE IF NOT EXISTS hybrid_calls (
    run_id INTEGER NOT NULL,
    function_id INTEGER NOT NULL,
    traced INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    total_ns INTEGER NOT NULL,        -- wall time of Function.__call__, tracing included
    max_ns INTEGER NOT NULL,
    PRIMARY KEY (run_id, function_id, traced)
) WITHOUT ROWID;

CREATE VIEW IF NOT EXISTS observed_calls (file, qualname, line, param, kind, dtype, shape, calls) AS
SELECT f.file, f.qualname, f.line, p.param, p.kind, p.dtype, p.shape, SUM(s.calls)
FROM signature_params p
JOIN signatures s ON s.run_id = p.run_id AND s.id = p.signature_id
JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
GROUP BY f.file, f.qualname, f.line, p.param, p.kind, p.dtype, p.shape;

CREATE VIEW IF NOT EXISTS observed_effects (file, qualname, line, kind, target, effect_line, count) AS
SELECT f.file, f.qualname, f.line, e.kind, e.target, e.line, SUM(e.count)
FROM effects e
JOIN functions f ON f.run_id = e.run_id AND f.id = e.function_id
GROUP BY f.file, f.qualname, f.line, e.kind, e.target, e.line;
"""#
}
