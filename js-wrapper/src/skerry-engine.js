// The Skerry engine in the current thread: loads the TeaVM wasm-gc module and gives synchronous databases and
// statements over its exports. skerry-worker.js serves skerry.js's requests with it; code that already runs in
// a dedicated Worker may import it directly and skip the message hop of skerry.js (OPFS databases need a
// dedicated Worker: FileSystemSyncAccessHandle exists nowhere else). Every call runs to completion before it
// returns, except loadEngine and EngineDatabase opening, which wait for the wasm and for OPFS handles.

const SQLITE_OK = 0;
const SQLITE_BUSY = 5;
const SQLITE_CANTOPEN = 14;
const SQLITE_MISUSE = 21;
const SQLITE_ROW = 100;
const SQLITE_DONE = 101;

/** A failure of the engine: `code` is SQLite's (extended) result code, the message SQLite's text. */
export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

let loading = null;

/**
 * Loads the engine once per JS realm: TeaVM's loader (a script that defines globalThis.TeaVM) then the wasm.
 * The URLs default to the files next to this module.
 */
export function loadEngine(urls = {}) {
  if (loading === null) {
    const runtimeUrl = urls.runtimeUrl || new URL('./skerry.wasm-runtime.js', import.meta.url).href;
    const wasmUrl = urls.wasmUrl || new URL('./skerry.wasm', import.meta.url).href;
    loading = (async () => {
      if (!globalThis.TeaVM || !globalThis.TeaVM.wasmGC) await import(/* @vite-ignore */ runtimeUrl);
      const m = await globalThis.TeaVM.wasmGC.load(wasmUrl);
      return new Engine(m.exports);
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The directory and file name of an OPFS path such as "dir/sub/app.db" (directories are created). */
async function opfsLocation(path) {
  const parts = path.split('/').filter((p) => p.length > 0);
  if (parts.length === 0) {
    throw new EngineError(SQLITE_CANTOPEN, 'unable to open database file: empty path');
  }
  try {
    let dir = await navigator.storage.getDirectory();
    for (const p of parts.slice(0, -1)) {
      dir = await dir.getDirectoryHandle(p, { create: true });
    }
    return { dir, name: parts[parts.length - 1] };
  } catch (e) {
    throw new EngineError(SQLITE_CANTOPEN, 'unable to open database file: ' + e.message);
  }
}

/** A sync access handle on dir/name (pushed on `handles`), or null when !create and the file is absent. */
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

/** The loaded wasm module; opens databases. */
export class Engine {
  constructor(api) {
    this.api = api;
  }

  lastError() {
    return new EngineError(this.api.errorCode(), this.api.errorMessage());
  }

  check(rc) {
    if (rc !== SQLITE_OK && rc !== SQLITE_ROW && rc !== SQLITE_DONE) {
      throw this.lastError();
    }
    return rc;
  }

  /**
   * Opens ':memory:' (or '') as a private in-memory database, any other path as an OPFS file holding the
   * database's file, its WAL and (when one exists) its rollback journal open for as long as the database is.
   */
  async open(path) {
    const api = this.api;
    if (path === ':memory:' || path === '') {
      const db = api.open(':memory:', 'memory', null);
      if (db === 0) throw this.lastError();
      return new EngineDatabase(this, db, path, []);
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
      const err = this.lastError();
      for (const h of handles) h.close();
      throw err;
    }
    return new EngineDatabase(this, db, path, handles);
  }
}

/**
 * One open connection. States: open → closed (close() releases the OPFS handles; every later call throws
 * SQLITE_MISUSE). Its statements are finalized by close().
 */
export class EngineDatabase {
  constructor(engine, id, path, handles) {
    this.engine = engine;
    this.id = id;
    this.path = path;
    this.handles = handles;
    this.statements = new Set();
    this.closed = false;
  }

  live() {
    if (this.closed) throw new EngineError(SQLITE_MISUSE, 'The database connection is not open');
    return this.engine.api;
  }

  /** True between BEGIN and COMMIT/ROLLBACK. */
  get inTransaction() {
    return !this.closed && this.engine.api.inTransaction(this.id);
  }

  /** Runs every statement of `sql`, discarding rows; stops at the first error. */
  exec(sql) {
    const api = this.live();
    if (api.exec(this.id, sql) !== SQLITE_OK) throw this.engine.lastError();
  }

  /** Compiles the single statement of `sql` (none, or more than one, is SQLITE_MISUSE). */
  prepare(sql) {
    const api = this.live();
    const stmt = api.prepare(this.id, sql, 0);
    if (stmt < 0) throw this.engine.lastError();
    if (stmt === 0) throw new EngineError(SQLITE_MISUSE, 'The supplied SQL string contains no statements');
    const tail = api.tail();
    if (tail < sql.length) {
      const next = api.prepare(this.id, sql, tail);
      if (next !== 0) {
        api.finalize(stmt);
        if (next < 0) throw this.engine.lastError();
        api.finalize(next);
        throw new EngineError(SQLITE_MISUSE, 'The supplied SQL string contains more than one statement');
      }
    }
    const s = new EngineStatement(this, stmt);
    this.statements.add(s);
    return s;
  }

  /** Rows changed by the last finished INSERT, UPDATE or DELETE. */
  changes() {
    return this.live().changes(this.id);
  }

  /** The rowid of the last successful INSERT (a BigInt). */
  lastInsertRowid() {
    return this.live().lastInsertRowid(this.id);
  }

  /** Finalizes the statements, checkpoints and closes the database, then releases its OPFS handles. */
  close() {
    if (this.closed) return;
    const api = this.engine.api;
    this.closed = true;
    for (const s of this.statements) s.finalized = true;
    this.statements.clear();
    const rc = api.close(this.id);
    for (const h of this.handles) {
      h.flush();
      h.close();
    }
    this.engine.check(rc);
  }
}

/**
 * One compiled statement. `columns`, `types` (declared types), `params` (names by index from 1, null for a
 * plain `?`) and `readonly` describe it. Values bind by position from an array (missing ones are NULL).
 * States: idle ↔ running (rows left to fetch) → finalized; run/get/all and a finished fetch leave it idle.
 */
export class EngineStatement {
  constructor(db, id) {
    const api = db.engine.api;
    this.db = db;
    this.id = id;
    this.columns = api.columns(id);
    this.types = api.decltypes(id);
    this.params = api.parameters(id);
    this.readonly = api.readonly(id);
    this.finalized = false;
  }

  live() {
    if (this.finalized) throw new EngineError(SQLITE_MISUSE, 'The statement has been finalized');
    return this.db.engine.api;
  }

  bind(values) {
    this.db.engine.check(this.live().bindAll(this.id, values || []));
  }

  /**
   * Runs to the end with `values`: {changes, lastInsertRowid (BigInt)}. `changes` is that of the last INSERT,
   * UPDATE or DELETE (SQLite's sqlite3_changes), except 0 for a read-only statement.
   */
  run(values) {
    this.bind(values);
    const api = this.db.engine.api;
    this.db.engine.check(api.run(this.id));
    return { changes: this.readonly ? 0 : api.changes(this.db.id), lastInsertRowid: api.lastInsertRowid(this.db.id) };
  }

  /**
   * Up to `max` rows (arrays; integers as BigInt when `safe`) and whether the statement finished. A finished or
   * failed statement is reset; else the next call continues where this one stopped.
   */
  fetch(max, safe) {
    const api = this.live();
    const rows = api.rows(this.id, max, !!safe);
    const why = api.lastStep();
    if (why !== SQLITE_ROW) {
      const err = why === SQLITE_DONE ? null : this.db.engine.lastError();
      api.reset(this.id);
      if (err) throw err;
    }
    return { rows, done: why === SQLITE_DONE };
  }

  /** The first row with `values`, or undefined. */
  get(values, safe) {
    this.bind(values);
    const r = this.fetch(1, safe);
    if (!r.done) this.db.engine.api.reset(this.id);
    return r.rows.length > 0 ? r.rows[0] : undefined;
  }

  /** Every row with `values`. */
  all(values, safe) {
    this.bind(values);
    return this.fetch(0x7fffffff, safe).rows;
  }

  /** Makes the statement idle again (bindings kept). */
  reset() {
    this.db.engine.check(this.live().reset(this.id));
  }

  /** Releases the statement in the engine; later calls throw SQLITE_MISUSE. */
  finalize() {
    if (this.finalized) return;
    this.finalized = true;
    this.db.statements.delete(this);
    this.db.engine.check(this.db.engine.api.finalize(this.id));
  }
}
