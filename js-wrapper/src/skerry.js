// Skerry for the browser: the promise API of @tursodatabase/database over the Skerry engine, which runs in a
// dedicated module Worker this module starts itself (skerry-worker.js, next to this file, which runs
// skerry-engine.js). The main thread never blocks: every call is a message to the worker, answered in order.

const PRIMARY_NAMES = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED', 7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT', 12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY', 17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT', 20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE', 22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB', 27: 'SQLITE_NOTICE', 28: 'SQLITE_WARNING',
};

const EXTENDED_NAMES = {
  [10 | (1 << 8)]: 'SQLITE_IOERR_READ', [10 | (2 << 8)]: 'SQLITE_IOERR_SHORT_READ',
  [10 | (3 << 8)]: 'SQLITE_IOERR_WRITE', [10 | (4 << 8)]: 'SQLITE_IOERR_FSYNC',
  [10 | (6 << 8)]: 'SQLITE_IOERR_TRUNCATE', [10 | (7 << 8)]: 'SQLITE_IOERR_FSTAT',
  [10 | (10 << 8)]: 'SQLITE_IOERR_DELETE', [11 | (3 << 8)]: 'SQLITE_CORRUPT_INDEX',
  [19 | (1 << 8)]: 'SQLITE_CONSTRAINT_CHECK', [19 | (2 << 8)]: 'SQLITE_CONSTRAINT_COMMITHOOK',
  [19 | (3 << 8)]: 'SQLITE_CONSTRAINT_FOREIGNKEY', [19 | (4 << 8)]: 'SQLITE_CONSTRAINT_FUNCTION',
  [19 | (5 << 8)]: 'SQLITE_CONSTRAINT_NOTNULL', [19 | (6 << 8)]: 'SQLITE_CONSTRAINT_PRIMARYKEY',
  [19 | (7 << 8)]: 'SQLITE_CONSTRAINT_TRIGGER', [19 | (8 << 8)]: 'SQLITE_CONSTRAINT_UNIQUE',
  [19 | (9 << 8)]: 'SQLITE_CONSTRAINT_VTAB', [19 | (10 << 8)]: 'SQLITE_CONSTRAINT_ROWID',
  [19 | (11 << 8)]: 'SQLITE_CONSTRAINT_PINNED', [19 | (12 << 8)]: 'SQLITE_CONSTRAINT_DATATYPE',
  [5 | (1 << 8)]: 'SQLITE_BUSY_RECOVERY', [5 | (2 << 8)]: 'SQLITE_BUSY_SNAPSHOT',
  [14 | (1 << 8)]: 'SQLITE_CANTOPEN_NOTEMPDIR', [8 | (1 << 8)]: 'SQLITE_READONLY_RECOVERY',
};

/** The name of a (possibly extended) SQLite result code, such as SQLITE_CONSTRAINT_UNIQUE. */
export function codeName(code) {
  return EXTENDED_NAMES[code] || PRIMARY_NAMES[code & 0xff] || 'SQLITE_UNKNOWN';
}

/** An error reported by the engine: `code` is the name of its result code, `rawCode` the number. */
export class SqliteError extends Error {
  constructor(message, code, rawCode) {
    super(message);
    this.name = 'SqliteError';
    this.code = code;
    this.rawCode = rawCode;
  }
}

const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;

/** One worker and the requests waiting for its answers. */
class Channel {
  constructor(worker) {
    this.worker = worker;
    this.nextId = 1;
    this.waiting = new Map();
    this.broken = null;
    worker.onmessage = (event) => {
      const { id, result, error } = event.data;
      const w = this.waiting.get(id);
      if (!w) return;
      this.waiting.delete(id);
      if (error) {
        w.reject(Object.assign(new SqliteError(error.message, codeName(error.code), error.code), { tx: error.tx }));
      } else {
        w.resolve(result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new SqliteError('the Skerry worker failed: ' + (event.message || 'could not start'),
        'SQLITE_INTERNAL', 2));
    };
  }

  fail(err) {
    this.broken = err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  send(msg) {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    msg.id = id;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(msg);
    });
  }
}

/** A plain object ({} or Object.create(null)): named parameter values. */
function isNamedBindings(v) {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `v` when it can be bound (see the README), else a TypeError; a BigInt outside 64 bits is a RangeError. */
function checkValue(v) {
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'undefined':
      return v;
    case 'bigint':
      if (v > MAX_INT64 || v < MIN_INT64) {
        throw new RangeError('BigInt value is too large to bind as a 64-bit integer');
      }
      return v;
    default:
      if (v === null || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
      throw new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null');
  }
}

/**
 * Turns the arguments of run/get/all/iterate into one value per parameter (index 1..n of `params`, whose
 * entries are the parameter names, null for a plain `?`), as better-sqlite3 reads them: an array's elements and
 * other arguments are positional values filling the unnamed parameters in order; one plain object gives the
 * named ones, keys with or without their `:`, `@` or `$` prefix (keys naming no parameter are ignored).
 */
function bindValues(params, args) {
  const positional = [];
  let named = null;
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of a) positional.push(checkValue(v));
    } else if (isNamedBindings(a)) {
      if (named !== null) throw new TypeError('You cannot specify named parameters in two different objects');
      named = a;
    } else {
      positional.push(checkValue(a));
    }
  }
  const n = params.length - 1;
  const values = new Array(n);
  let next = 0;
  for (let i = 1; i <= n; i++) {
    const name = params[i];
    if (name === null || name[0] === '?') {
      if (next >= positional.length) throw new RangeError('Too few parameter values were provided');
      values[i - 1] = positional[next++];
    } else {
      const key = name.slice(1);
      if (named !== null && Object.prototype.hasOwnProperty.call(named, key)) {
        values[i - 1] = checkValue(named[key]);
      } else if (named !== null && Object.prototype.hasOwnProperty.call(named, name)) {
        values[i - 1] = checkValue(named[name]);
      } else {
        throw new RangeError('Missing named parameter "' + key + '"');
      }
    }
  }
  if (next < positional.length) throw new RangeError('Too many parameter values were provided');
  return values;
}

/** A prepared statement. Its methods return promises; raw/pluck/safeIntegers return the statement. */
export class Statement {
  constructor(db, sql) {
    this.database = db;
    this.source = sql;
    this.sid = db._nextStatementId++;
    this._raw = false;
    this._pluck = false;
    this._safe = db._safeIntegers;
    this._info = null;
    this._ready = db._send({ op: 'prepare', db: db._id, sid: this.sid, sql }).then((info) => {
      this._info = info;
      return info;
    });
    this._ready.catch(() => {});
  }

  /** Rows as arrays of values instead of objects. */
  raw(toggle = true) {
    this._raw = toggle;
    if (toggle) this._pluck = false;
    return this;
  }

  /** Rows as their first column's value only. */
  pluck(toggle = true) {
    this._pluck = toggle;
    if (toggle) this._raw = false;
    return this;
  }

  /** Integers as BigInt (exact beyond 2^53) instead of numbers. */
  safeIntegers(toggle = true) {
    this._safe = toggle;
    return this;
  }

  /** True when the statement returns rows (known once prepared; false before). */
  get reader() {
    return this._info !== null && this._info.columns.length > 0;
  }

  /** True when the statement cannot write the database (known once prepared; false before). */
  get readonly() {
    return this._info !== null && this._info.readonly;
  }

  /**
   * The result columns: [{name, column, table, database, type}]; `type` is the declared type of a column taken
   * from a table (else null); `column`, `table` and `database` are not known (null).
   */
  async columns() {
    const info = await this._ready;
    return info.columns.map((name, i) => ({ name, column: null, table: null, database: null, type: info.types[i] }));
  }

  _shape(info, row) {
    if (this._pluck) return row[0];
    if (this._raw) return row;
    const o = {};
    const cols = info.columns;
    for (let i = 0; i < cols.length; i++) o[cols[i]] = row[i];
    return o;
  }

  async _request(op, args) {
    const info = await this._ready;
    const values = bindValues(info.params, args);
    return this.database._send({ op, sid: this.sid, values, safe: this._safe });
  }

  /** Runs the statement to its end: {changes, lastInsertRowid}. */
  async run(...args) {
    const r = await this._request('run', args);
    const id = r.lastInsertRowid;
    return {
      changes: r.changes,
      lastInsertRowid: this._safe ? id : Number(id),
    };
  }

  /** The first row, or undefined. */
  async get(...args) {
    const info = await this._ready;
    const r = await this._request('get', args);
    return r.row === undefined ? undefined : this._shape(info, r.row);
  }

  /** Every row. */
  async all(...args) {
    const info = await this._ready;
    const r = await this._request('all', args);
    return r.rows.map((row) => this._shape(info, row));
  }

  /** The rows one by one, fetched from the worker in chunks. */
  async *iterate(...args) {
    const info = await this._ready;
    let r = await this._request('iterate', args);
    let finished = false;
    try {
      while (true) {
        for (const row of r.rows) yield this._shape(info, row);
        if (r.done) {
          finished = true;
          return;
        }
        r = await this.database._send({ op: 'iterateNext', sid: this.sid, safe: this._safe });
      }
    } finally {
      if (!finished) await this.database._send({ op: 'reset', sid: this.sid });
    }
  }

  /** Releases the statement in the engine. */
  async close() {
    await this._ready.catch(() => {});
    await this.database._send({ op: 'finalize', sid: this.sid });
  }
}

/** A connection to one database; see connect(). */
export class Database {
  constructor(channel, worker, id, path, opts) {
    this._channel = channel;
    this._worker = worker;
    this._id = id;
    this._nextStatementId = 1;
    this._safeIntegers = !!opts.safeIntegers;
    this._inTransaction = false;
    this._open = true;
    this.name = path;
    this.memory = path === ':memory:';
  }

  get open() {
    return this._open;
  }

  /** True between BEGIN and COMMIT/ROLLBACK (as of the last answered request). */
  get inTransaction() {
    return this._inTransaction;
  }

  async _send(msg) {
    if (!this._open) throw new TypeError('The database connection is not open');
    try {
      const r = await this._channel.send(msg);
      if (r && r.tx !== undefined) this._inTransaction = r.tx;
      return r;
    } catch (e) {
      if (e.tx !== undefined) this._inTransaction = e.tx;
      throw e;
    }
  }

  /** A prepared statement (compiled in the worker; a compile error rejects its first use). */
  prepare(sql) {
    if (typeof sql !== 'string') throw new TypeError('Expected first argument to be a string');
    if (!this._open) throw new TypeError('The database connection is not open');
    return new Statement(this, sql);
  }

  /** Runs every statement of `sql`, discarding rows. */
  async exec(sql) {
    if (typeof sql !== 'string') throw new TypeError('Expected first argument to be a string');
    await this._send({ op: 'exec', db: this._id, sql });
  }

  /** Runs `PRAGMA source`: its rows, or with {simple: true} the first column of the first row. */
  async pragma(source, options = {}) {
    const stmt = this.prepare('PRAGMA ' + source);
    try {
      if (options.simple) return await stmt.pluck().get();
      return await stmt.all();
    } finally {
      await stmt.close();
    }
  }

  /**
   * Wraps `fn` in BEGIN … COMMIT (ROLLBACK when it throws or rejects). The returned function has variants
   * `.deferred`, `.immediate` and `.exclusive`. Transactions do not nest.
   */
  transaction(fn) {
    if (typeof fn !== 'function') throw new TypeError('Expected first argument to be a function');
    const make = (begin) => async (...args) => {
      await this.exec(begin);
      try {
        const result = await fn(...args);
        await this.exec('COMMIT');
        return result;
      } catch (e) {
        if (this._inTransaction) await this.exec('ROLLBACK');
        throw e;
      }
    };
    const wrapped = make('BEGIN');
    wrapped.deferred = make('BEGIN DEFERRED');
    wrapped.immediate = make('BEGIN IMMEDIATE');
    wrapped.exclusive = make('BEGIN EXCLUSIVE');
    return wrapped;
  }

  /** Default for new statements: integers as BigInt. */
  defaultSafeIntegers(toggle = true) {
    this._safeIntegers = toggle;
    return this;
  }

  /** Closes the database (checkpointing its log) and stops its worker. */
  async close() {
    if (!this._open) return;
    try {
      await this._channel.send({ op: 'close', db: this._id });
    } finally {
      this._open = false;
      this._worker.terminate();
    }
  }
}

/**
 * Opens a database: ':memory:' for a private in-memory one, any other path for a file of the origin's
 * private file system (OPFS), persistent across reloads. A database another tab holds open fails with
 * SQLITE_BUSY ("database is locked"). Options: {safeIntegers: boolean}.
 */
export async function connect(path, opts = {}) {
  if (typeof path !== 'string') throw new TypeError('Expected first argument to be a string');
  // Both URL patterns are literal `new URL('./file', import.meta.url)` so that bundlers (Vite, webpack,
  // Rollup) emit the worker and the engine files and rewrite the URLs.
  const worker = new Worker(new URL('./skerry-worker.js', import.meta.url), { type: 'module', name: 'skerry' });
  const channel = new Channel(worker);
  try {
    const runtimeUrl = new URL('./skerry.wasm-runtime.js', import.meta.url).href;
    const wasmUrl = new URL('./skerry.wasm', import.meta.url).href;
    await channel.send({ op: 'load', runtimeUrl, wasmUrl });
    const { db } = await channel.send({ op: 'open', path });
    return new Database(channel, worker, db, path, opts);
  } catch (e) {
    worker.terminate();
    throw e;
  }
}
