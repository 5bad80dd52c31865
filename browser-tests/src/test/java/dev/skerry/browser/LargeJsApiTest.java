package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 100,000 rows through the JS API on OPFS: inserted with {@code prepare().run()} and bound values of every type
 * (integers, BigInt beyond 2^53, text, reals, blobs, NULLs) inside {@code db.transaction(...)}, then read back
 * with {@code all()}, {@code iterate()}, aggregates and point lookups, and again after a page reload. Every
 * expected value is computed in JS from the generator that made the rows, never from the database.
 */
class LargeJsApiTest {
    private static final int ROWS = 100_000;
    /**
     * Row i (1-based) as [id, n, big, t, r, b]: n an integer of either sign, big a BigInt beyond 2^53 on every
     * 1000th row (else null), t text (null every 7th row), r a REAL that is a multiple of 1/8 (so that sums are
     * exact; null every 11th), b a blob of i % 17 bytes (null every 13th).
     */
    private static final String GENERATOR = "const gen = (i) => [i, i * 7 - 350000,"
            + " i % 1000 === 0 ? (1n << 54n) + BigInt(i) : null,"
            + " i % 7 === 0 ? null : 'row ' + i + (i % 3 === 0 ? ' ü✓' : ''),"
            + " i % 11 === 0 ? null : i / 8 - 1000,"
            + " i % 13 === 0 ? null : Uint8Array.from({ length: i % 17 }, (_, k) => (i + k) & 255)];"
            + " const same = (a, b) => window.json(a) === window.json(b);"
            + " const expected = { count: 0, sumN: 0, texts: 0, textChars: 0, sumR: 0, blobBytes: 0, nullBlobs: 0, bigs: 0n };"
            + " for (let i = 1; i <= " + ROWS + "; i++) { const [, n, big, t, r, b] = gen(i); expected.count++;"
            + "   expected.sumN += n; if (t !== null) { expected.texts++; expected.textChars += t.length; }"
            + "   if (r !== null) expected.sumR += r; if (b === null) expected.nullBlobs++; else expected.blobBytes += b.length;"
            + "   if (big !== null) expected.bigs += big; }";
    private static final String AGGREGATES = "const agg = await db.prepare('SELECT count(*), sum(n), count(t), sum(length(t)),"
            + " total(r), sum(length(b)), sum(b IS NULL), sum(big) FROM t').raw().safeIntegers().get();"
            + " const aggOk = same(agg, [BigInt(expected.count), BigInt(expected.sumN), BigInt(expected.texts),"
            + "   BigInt(expected.textChars), expected.sumR, BigInt(expected.blobBytes), BigInt(expected.nullBlobs), expected.bigs]);"
            + " const point = db.prepare('SELECT id, n, big, t, r, b FROM t WHERE id = ?').raw().safeIntegers();"
            + " let pointsOk = 0; for (let k = 1; k <= 200; k++) { const i = (k * 7919) % " + ROWS + " + 1;"
            + "   const row = await point.get(i); const g = gen(i);"
            + "   if (same(row, [BigInt(g[0]), BigInt(g[1]), g[2], g[3], g[4], g[5]])) pointsOk++; }"
            + " const missing = await point.get(" + (ROWS + 1) + ");";

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
    }

    @Test
    void hundredThousandBoundRowsOnOpfsSurviveReload() {
        String first = String.valueOf(browser.eval("async () => { " + GENERATOR
                + " const db = await window.skerry.connect('large/hundred-k.db');"
                + " try { const t0 = performance.now();"
                + " await db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, big INTEGER, t TEXT, r REAL, b BLOB)');"
                + " const ins = db.prepare('INSERT INTO t(id, n, big, t, r, b) VALUES (?, ?, ?, ?, ?, ?)');"
                + " const byName = db.prepare('INSERT INTO t VALUES (:id, :n, :big, :t, $r, @b)');"
                + " let changes = 0, rowidsOk = 0;"
                + " await db.transaction(async () => { for (let i = 1; i <= " + ROWS + "; i++) { const g = gen(i);"
                + "   const r = i % 2 === 0 ? await ins.run(g)"
                + "     : await byName.run({ id: g[0], n: g[1], big: g[2], t: g[3], r: g[4], b: g[5] });"
                + "   changes += r.changes; if (r.lastInsertRowid === i) rowidsOk++; } })();"
                + " const t1 = performance.now(); const inTx = db.inTransaction;"
                + AGGREGATES
                + " const all = await db.prepare('SELECT id, n, big, t, r, b FROM t ORDER BY id').raw().safeIntegers().all();"
                + " let allOk = all.length === " + ROWS + ";"
                + " for (let i = 1; allOk && i <= " + ROWS + "; i++) { const g = gen(i);"
                + "   allOk = same(all[i - 1], [BigInt(g[0]), BigInt(g[1]), g[2], g[3], g[4], g[5]]); }"
                + " let iterated = 0, iterSum = 0, iterOk = true;"
                + " for await (const row of db.prepare('SELECT id, n, t FROM t ORDER BY id DESC').iterate()) {"
                + "   const g = gen(" + ROWS + " - iterated); iterated++; iterSum += row.n;"
                + "   if (row.id !== g[0] || row.t !== g[3]) iterOk = false; }"
                + " const groups = await db.prepare('SELECT id % 10 AS k, count(*) AS c FROM t GROUP BY id % 10 ORDER BY k').all();"
                + " const groupsOk = groups.length === 10 && groups.every((g, k) => g.k === k && g.c === " + ROWS / 10 + ");"
                + " const t2 = performance.now();"
                + " return window.json([changes, rowidsOk, inTx, aggOk, pointsOk, missing, allOk, iterated,"
                + "   iterSum === expected.sumN, iterOk, groupsOk,"
                + "   'insert ms ' + Math.round(t1 - t0) + ', queries ms ' + Math.round(t2 - t1)]);"
                + " } finally { await db.close(); } }"));
        System.out.println("first visit: " + first);
        assertEquals("[100000,100000,false,true,200,\"(undefined)\",true,100000,true,true,true",
                first.substring(0, first.lastIndexOf(",\"insert ms")), browser.console());

        browser.reload();
        String again = String.valueOf(browser.eval("async () => { " + GENERATOR
                + " const db = await window.skerry.connect('large/hundred-k.db');"
                + " try { const t0 = performance.now();"
                + AGGREGATES
                + " const tail = await db.prepare('SELECT id FROM t WHERE id > ? ORDER BY id').pluck().all(" + (ROWS - 3) + ");"
                + " return window.json([aggOk, pointsOk, missing, tail, 'reopen+queries ms ' + Math.round(performance.now() - t0)]);"
                + " } finally { await db.close(); } }"));
        System.out.println("after reload: " + again);
        assertEquals("[true,200,\"(undefined)\",[99998,99999,100000]",
                again.substring(0, again.lastIndexOf(",\"reopen")), browser.console());
    }
}
