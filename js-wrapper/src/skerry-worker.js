// The Skerry engine's home for skerry.js: a dedicated module Worker that skerry.js starts. Its first request
// ('load') brings the URLs of TeaVM's loader and of the wasm (skerry.js resolves them, so that bundlers see
// them); it then answers the requests of skerry.js one at a time, in the order they arrive, with the engine of
// skerry-engine.js: {id, op, ...} in, {id, result} or {id, error} out.
import { EngineError, loadEngine } from './skerry-engine.js';

const SQLITE_INTERNAL = 2;
const SQLITE_MISUSE = 21;
const ROWS_PER_CHUNK = 512;

let engine = null;
/** Open databases by id: EngineDatabase. */
const databases = new Map();
/** Statements by the id skerry.js chose: EngineStatement. */
const statements = new Map();

function database(id) {
  const d = databases.get(id);
  if (!d) throw new EngineError(SQLITE_MISUSE, 'The database connection is not open');
  return d;
}

function statement(sid) {
  const s = statements.get(sid);
  if (!s) throw new EngineError(SQLITE_MISUSE, 'The statement has been finalized');
  return s;
}

async function load({ runtimeUrl, wasmUrl }) {
  try {
    engine = await loadEngine({ runtimeUrl, wasmUrl });
  } catch (e) {
    throw new EngineError(SQLITE_INTERNAL, 'could not load skerry.wasm: ' + (e && e.message ? e.message : String(e)));
  }
  return null;
}

async function open({ path }) {
  if (engine === null) throw new EngineError(SQLITE_MISUSE, 'the engine is not loaded');
  const d = await engine.open(path);
  databases.set(d.id, d);
  return { db: d.id };
}

function close({ db }) {
  const d = databases.get(db);
  if (!d) return null;
  for (const [sid, s] of statements) {
    if (s.db === d) statements.delete(sid);
  }
  databases.delete(db);
  d.close();
  return null;
}

function prepare({ db, sid, sql }) {
  const s = database(db).prepare(sql);
  statements.set(sid, s);
  return { columns: s.columns, types: s.types, params: s.params, readonly: s.readonly };
}

function run({ sid, values }) {
  const s = statement(sid);
  const r = s.run(values);
  return { changes: r.changes, lastInsertRowid: r.lastInsertRowid, tx: s.db.inTransaction };
}

function all({ sid, values, safe }) {
  const s = statement(sid);
  return { rows: s.all(values, safe), done: true, tx: s.db.inTransaction };
}

function get({ sid, values, safe }) {
  const s = statement(sid);
  return { row: s.get(values, safe), tx: s.db.inTransaction };
}

function iterate({ sid, values, safe }) {
  const s = statement(sid);
  s.bind(values);
  return { ...s.fetch(ROWS_PER_CHUNK, safe), tx: s.db.inTransaction };
}

function iterateNext({ sid, safe }) {
  const s = statement(sid);
  return { ...s.fetch(ROWS_PER_CHUNK, safe), tx: s.db.inTransaction };
}

function reset({ sid }) {
  statement(sid).reset();
  return null;
}

function finalize({ sid }) {
  const s = statements.get(sid);
  if (!s) return null;
  statements.delete(sid);
  s.finalize();
  return null;
}

function exec({ db, sql }) {
  const d = database(db);
  try {
    d.exec(sql);
  } catch (e) {
    e.tx = d.inTransaction;
    throw e;
  }
  return { tx: d.inTransaction };
}

const OPS = { load, open, close, prepare, run, all, get, iterate, iterateNext, reset, finalize, exec };

let queue = Promise.resolve();
self.onmessage = (event) => {
  const msg = event.data;
  queue = queue.then(async () => {
    try {
      const op = OPS[msg.op];
      if (!op) throw new EngineError(SQLITE_MISUSE, 'unknown request: ' + msg.op);
      const result = await op(msg);
      self.postMessage({ id: msg.id, result });
    } catch (e) {
      const known = e instanceof EngineError;
      const code = known ? e.code : SQLITE_INTERNAL;
      const message = known ? e.message : 'internal error: ' + (e && e.message ? e.message : String(e));
      self.postMessage({ id: msg.id, error: { code, message, tx: e && e.tx } });
    }
  });
};
