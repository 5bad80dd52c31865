// Adapter: Skerry (this repository's Java engine compiled to wasm-gc by TeaVM), served by the runner from
// js-wrapper/target/dist under /skerry/ (run.mjs --mount).
//
// The bench already runs every case inside a dedicated Worker, which is where Skerry's engine lives anyway
// (OPFS sync access handles exist only there). So the main modes use the engine in this same worker through
// skerry-engine.js, the synchronous in-worker API that skerry.js's own worker is built on: the same thing
// @sqlite.org/sqlite-wasm's oo1 API is to its contestant. Nothing is tuned: the engine's defaults (4 KiB pages,
// WAL, its page cache) as shipped.
//   memory, opfs   — skerry-engine.js in the bench worker (sync calls, no microtask per call)
//   opfs-connect   — the promise API users import in a page (skerry.js connect()): the engine in a nested
//                    Worker, one postMessage round trip per call (extra mode; the harness gives every mode but
//                    'memory' an OPFS file, so there is no in-memory variant of it)
let engine = null;
let skerry = null;

export async function init(mode) {
  if (mode === 'memory' || mode === 'opfs') {
    const { loadEngine } = await import('/skerry/skerry-engine.js');
    engine = await loadEngine();
    return { notes: ['skerry-engine.js in the bench worker (synchronous in-worker API)'] };
  }
  if (mode === 'opfs-connect') {
    skerry = await import('/skerry/skerry.js');
    return { notes: ['skerry.js connect(): engine in a nested Worker, one message round trip per call'] };
  }
  throw new Error('unknown mode ' + mode);
}

function wrapEngineStatement(s) {
  return {
    run(args) { s.run(args); },
    get(args) { return s.get(args); },
    all(args) { return s.all(args); },
    finalize() { s.finalize(); },
  };
}

function wrapConnectStatement(s) {
  s.raw(true); // rows as arrays, like the other adapters
  return {
    run(args) { return s.run(args || []); },
    get(args) { return s.get(args || []); },
    all(args) { return s.all(args || []); },
    finalize() { return s.close(); },
  };
}

export async function open(path) {
  if (engine !== null) {
    const db = await engine.open(path);
    return {
      exec(sql) { db.exec(sql); },
      prepare(sql) { return wrapEngineStatement(db.prepare(sql)); },
      close() { db.close(); },
    };
  }
  const db = await skerry.connect(path);
  return {
    exec(sql) { return db.exec(sql); },
    prepare(sql) { return wrapConnectStatement(db.prepare(sql)); },
    close() { return db.close(); },
  };
}
