// Runs real queries through the bundled skerry.js, on OPFS and in memory, and publishes what it saw as
// window.appResult (JSON text) for ViteBundleTest; window.appError on failure.
import { connect, SqliteError } from 'skerry';

async function onOpfs() {
  const db = await connect('vite-app.db');
  try {
    await db.exec('CREATE TABLE IF NOT EXISTS visits(id INTEGER PRIMARY KEY, note TEXT, data BLOB)');
    const ins = db.prepare('INSERT INTO visits(note, data) VALUES (?, ?)');
    const r = await ins.run('visit', new Uint8Array([1, 2, 3]));
    const count = await db.prepare('SELECT count(*) FROM visits').pluck().get();
    const last = await db.prepare('SELECT note, data FROM visits WHERE id = ?').get(r.lastInsertRowid);
    return { count, lastId: r.lastInsertRowid, note: last.note, data: Array.from(last.data) };
  } finally {
    await db.close();
  }
}

async function inMemory() {
  const db = await connect(':memory:');
  try {
    await db.exec('CREATE TABLE t(a INTEGER, b TEXT)');
    const ins = db.prepare('INSERT INTO t VALUES (:a, :b)');
    await db.transaction(async () => {
      for (let i = 1; i <= 100; i++) await ins.run({ a: i, b: 'row ' + i });
    })();
    const agg = await db.prepare('SELECT count(*), sum(a), max(b) FROM t').raw().get();
    let iterated = 0;
    for await (const row of db.prepare('SELECT a FROM t WHERE a % 10 = 0').iterate()) iterated += row.a;
    let error = null;
    try {
      await db.exec('INSERT INTO nope VALUES (1)');
    } catch (e) {
      error = { sqlite: e instanceof SqliteError, code: e.code, message: e.message };
    }
    return { agg, iterated, error };
  } finally {
    await db.close();
  }
}

try {
  const result = { opfs: await onOpfs(), memory: await inMemory() };
  window.appResult = JSON.stringify(result);
} catch (e) {
  window.appError = String(e && e.stack ? e.stack : e);
}
document.getElementById('out').textContent = window.appResult || window.appError;
