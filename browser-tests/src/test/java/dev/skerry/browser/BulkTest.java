package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Volume through the whole stack: 10,000 rows inserted one statement run at a time inside a transaction,
 * then queried (aggregate, index lookup, full read) in memory and on OPFS; and the time from {@code connect()} to
 * the first row. Times go to the test output.
 */
class BulkTest {
    private static final int ROWS = 10_000;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
    }

    private static String run(String path) {
        String r = String.valueOf(browser.eval("async () => { const db = await window.skerry.connect('" + path + "');"
                + " try { const t0 = performance.now();"
                + " await db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)');"
                + " await db.exec('CREATE INDEX t_name ON t(name)');"
                + " const ins = db.prepare('INSERT INTO t(name, score, data) VALUES (?, ?, ?)');"
                + " await db.transaction(async () => { for (let i = 0; i < " + ROWS + "; i++)"
                + "   await ins.run('name ' + i, i / 4, new Uint8Array([i & 255, i >> 8])); })();"
                + " const t1 = performance.now();"
                + " const agg = await db.prepare('SELECT count(*), sum(id), sum(score) FROM t').raw().get();"
                + " const hit = await db.prepare('SELECT id FROM t WHERE name = ?').pluck().get('name 7777');"
                + " const all = await db.prepare('SELECT * FROM t ORDER BY id').all();"
                + " const t2 = performance.now();"
                + " const last = all[all.length - 1];"
                + " return window.json([agg, hit, all.length, last.name, Array.from(last.data),"
                + "   'insert ms ' + Math.round(t1 - t0) + ', query ms ' + Math.round(t2 - t1)]);"
                + " } finally { await db.close(); } }"));
        System.out.println(path + ": " + r);
        return r.substring(0, r.lastIndexOf(",\"insert ms"));
    }

    private static final String EXPECTED = "[[10000,50005000,12498750],7778,10000,\"name 9999\",[15,39]";

    @Test
    void tenThousandRowsInMemory() {
        assertEquals(EXPECTED, run(":memory:"));
    }

    @Test
    void tenThousandRowsOnOpfs() {
        assertEquals(EXPECTED, run("bulk.db"));
    }

    @Test
    void connectToFirstRowIsTimed() {
        for (String path : new String[] {":memory:", "first-row.db"}) {
            String r = String.valueOf(browser.eval("async () => { const t0 = performance.now();"
                    + " const db = await window.skerry.connect('" + path + "');"
                    + " const v = await db.prepare('SELECT 42').pluck().get(); const ms = performance.now() - t0;"
                    + " await db.close(); return window.json([v, 'connect to first row ms ' + Math.round(ms)]); }"));
            System.out.println(path + ": " + r);
            assertEquals("[42,", r.substring(0, 4));
        }
    }

    @Test
    void hundredThousandRowsBySqlAndReadInBulk() {
        String r = String.valueOf(browser.eval("async () => { const db = await window.skerry.connect('big.db');"
                + " try { const t0 = performance.now();"
                + " await db.exec('CREATE TABLE d(x INTEGER PRIMARY KEY); CREATE TABLE big(k INTEGER PRIMARY KEY, v TEXT)');"
                + " const ins = db.prepare('INSERT INTO d VALUES (?)');"
                + " await db.transaction(async () => { for (let i = 0; i < 1000; i++) await ins.run(i); })();"
                + " const r = await db.prepare(\"INSERT INTO big(v) SELECT 'v' || (a.x * 1000 + b.x) FROM d AS a, d AS b"
                + " WHERE b.x < 100\").run();"
                + " const t1 = performance.now();"
                + " const rows = await db.prepare('SELECT k, v FROM big').raw().all();"
                + " let n = 0, sum = 0; for await (const k of db.prepare('SELECT k FROM big').pluck().iterate()) { n++; sum += k; }"
                + " const t2 = performance.now();"
                + " return window.json([r.changes, rows.length, rows[99999], n, sum,"
                + "   'insert ms ' + Math.round(t1 - t0) + ', all+iterate ms ' + Math.round(t2 - t1)]);"
                + " } finally { await db.close(); } }"));
        System.out.println("big.db: " + r);
        assertEquals("[100000,100000,[100000,\"v999099\"],100000,5000050000", r.substring(0, r.lastIndexOf(",\"insert ms")));
    }
}
