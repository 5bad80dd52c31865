// The Skerry engine's home: a dedicated (classic) Worker started by skerry.js. It loads the TeaVM wasm-gc
// module, opens OPFS sync access handles (possible only in a dedicated Worker), and answers the requests of
// skerry.js one at a time, in the order they arrive: {id, op, ...} in, {id, result} or {id, error} out.
'use strict';

importScripts(new URL('skerry.wasm-runtime.js', self.location.href).href);

const SQLITE_OK = 0;
const SQLITE_BUSY = 5;
const SQLITE_CANTOPEN = 14;
const SQLITE_MISUSE = 21;
const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
const ROWS_PER_CHUNK = 512;

let api = null;
const loaded = TeaVM.wasmGC.load(new URL('skerry.wasm', self.location.href).href).then((m) => {
  api = m.exports;
});

/** Open databases by wasm id: {path, handles: [FileSystemSyncAccessHandle]}. */
const databases = new Map();
/** Statements by the id skerry.js chose: {db, stmt (wasm id), params}. */
const statements = new Map();

class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function lastError() {
  return new EngineError(api.errorCode(), api.errorMessage());
}

function check(rc) {
  if (rc !== SQLITE_OK && rc !== SQLITE_ROW && rc !== SQLITE_DONE) {
    throw lastError();
  }
  return rc;
}

/** The directory and file name of an OPFS path such as "dir/sub/app.db" (directories are created). */
async function opfsLocation(path) {
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts.length === 0) {
    throw new EngineError(SQLITE_CANTOPEN, 'unable to open database file: empty path');
  }
  let dir = await navigator.storage.getDirectory();
  for (const p of parts.slice(0, -1)) {
    dir = await dir.getDirectoryHandle(p, { create: true });
  }
  return { dir, name: parts[parts.length - 1] };
}

async function openHandle(dir, name, create, handles) {
  let file;
  try {
    file = await dir.getFileHandle(name, { create });
  } catch (e) {
    if (!create && e.name === 'NotFoundError') {
      return null;
    }
    throw new EngineError(SQLITE_CANTOPEN, 'unable to open database file: ' + e.message);
  }
  try {
    const h = await file.createSyncAccessHandle();
    handles.push(h);
    return h;
  } catch (e) {
    if (e.name === 'NoModificationAllowedError' || e.name === 'InvalidStateError') {
      throw new EngineError(SQLITE_BUSY, 'database is locked');
    }
    throw new EngineError(SQLITE_CANTOPEN, 'unable to open database file: ' + e.message);
  }
}

async function open({ path }) {
  if (path === ':memory:' || path === '') {
    const db = api.open(':memory:', 'memory', null);
    if (db === 0) throw lastError();
    databases.set(db, { path, handles: [] });
    return { db };
  }
  const { dir, name } = await opfsLocation(path);
  const handles = [];
  const byPath = new Map();
  try {
    byPath.set(path, await openHandle(dir, name, true, handles));
    byPath.set(path + '-wal', await openHandle(dir, name + '-wal', true, handles));
    const journal = await openHandle(dir, name + '-journal', false, handles);
    if (journal !== null) byPath.set(path + '-journal', journal);
  } catch (e) {
    for (const h of handles) h.close();
    throw e;
  }
  const db = api.open(path, 'opfs', byPath);
  if (db === 0) {
    const err = lastError();
    for (const h of handles) h.close();
    throw err;
  }
  databases.set(db, { path, handles });
  return { db };
}

function close({ db }) {
  const d = databases.get(db);
  if (!d) return null;
  for (const [sid, s] of statements) {
    if (s.db === db) statements.delete(sid);
  }
  const rc = api.close(db);
  for (const h of d.handles) {
    h.flush();
    h.close();
  }
  databases.delete(db);
  check(rc);
  return null;
}

function prepare({ db, sid, sql }) {
  const stmt = api.prepare(db, sql, 0);
  if (stmt < 0) throw lastError();
  if (stmt === 0) throw new EngineError(SQLITE_MISUSE, 'The supplied SQL string contains no statements');
  const tail = api.tail();
  if (tail < sql.length) {
    const next = api.prepare(db, sql, tail);
    if (next !== 0) {
      api.finalize(stmt);
      if (next < 0) throw lastError();
      api.finalize(next);
      throw new EngineError(SQLITE_MISUSE, 'The supplied SQL string contains more than one statement');
    }
  }
  const params = api.parameters(stmt);
  statements.set(sid, { db, stmt });
  return { columns: api.columns(stmt), types: api.decltypes(stmt), params, readonly: api.readonly(stmt) };
}

function statement(sid) {
  const s = statements.get(sid);
  if (!s) throw new EngineError(SQLITE_MISUSE, 'The statement has been finalized');
  return s;
}

function txState(db) {
  return api.inTransaction(db);
}

function run({ sid, values }) {
  const s = statement(sid);
  check(api.bindAll(s.stmt, values));
  check(api.run(s.stmt));
  return { changes: api.changes(s.db), lastInsertRowid: api.lastInsertRowid(s.db), tx: txState(s.db) };
}

/** Steps up to max rows; resets the statement when it finished or failed. */
function rows(s, max, safe) {
  const out = api.rows(s.stmt, max, safe);
  const why = api.lastStep();
  if (why !== SQLITE_ROW) {
    const err = why === SQLITE_DONE ? null : lastError();
    api.reset(s.stmt);
    if (err) throw err;
  }
  return { rows: out, done: why === SQLITE_DONE, tx: txState(s.db) };
}

function all({ sid, values, safe }) {
  const s = statement(sid);
  check(api.bindAll(s.stmt, values));
  return rows(s, 0x7fffffff, safe);
}

function get({ sid, values, safe }) {
  const s = statement(sid);
  check(api.bindAll(s.stmt, values));
  const r = rows(s, 1, safe);
  if (!r.done) api.reset(s.stmt);
  return { row: r.rows.length > 0 ? r.rows[0] : undefined, tx: txState(s.db) };
}

function iterate({ sid, values, safe }) {
  const s = statement(sid);
  check(api.bindAll(s.stmt, values));
  return rows(s, ROWS_PER_CHUNK, safe);
}

function iterateNext({ sid, safe }) {
  return rows(statement(sid), ROWS_PER_CHUNK, safe);
}

function reset({ sid }) {
  check(api.reset(statement(sid).stmt));
  return null;
}

function finalize({ sid }) {
  const s = statements.get(sid);
  if (!s) return null;
  statements.delete(sid);
  check(api.finalize(s.stmt));
  return null;
}

function exec({ db, sql }) {
  const rc = api.exec(db, sql);
  const tx = txState(db);
  if (rc !== SQLITE_OK) {
    const err = lastError();
    err.tx = tx;
    throw err;
  }
  return { tx };
}

const OPS = { open, close, prepare, run, all, get, iterate, iterateNext, reset, finalize, exec };

let queue = loaded;
self.onmessage = (event) => {
  const msg = event.data;
  queue = queue.then(async () => {
    try {
      const op = OPS[msg.op];
      if (!op) throw new EngineError(SQLITE_MISUSE, 'unknown request: ' + msg.op);
      const result = await op(msg);
      self.postMessage({ id: msg.id, result });
    } catch (e) {
      const code = e instanceof EngineError ? e.code : 2;
      const message = e instanceof EngineError ? e.message : 'internal error: ' + (e && e.message ? e.message : String(e));
      self.postMessage({ id: msg.id, error: { code, message, tx: e.tx } });
    }
  }, (e) => {
    self.postMessage({ id: msg.id, error: { code: 2, message: 'could not load skerry.wasm: ' + (e && e.message) } });
  });
};
