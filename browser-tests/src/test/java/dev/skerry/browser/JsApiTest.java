package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JS API of skerry.js end to end in Chromium, on in-memory databases: statements, every binding form,
 * every way of reading rows, transactions, errors. Values and error messages are compared with SQLite's own
 * (sqlite-jdbc) where SQLite can be asked.
 */
class JsApiTest {
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
    }

    private static String js(String body) {
        return browser.onMemoryDatabase(body);
    }

    private static String sqliteError(String setup, String failing) throws SQLException {
        return SqliteReference.error(setup, failing);
    }

    @Test
    void createInsertSelectMatchesSqlite() throws SQLException {
        String sql = "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d BLOB, e);"
                + "INSERT INTO t VALUES (1, 'one', 1.5, x'0102ff', NULL);"
                + "INSERT INTO t VALUES (2, 'two', -2.25, x'', 42);"
                + "INSERT INTO t(b) VALUES ('three')";
        String query = "SELECT a, b, c, d, e, typeof(e) AS te, a * 2 AS twice FROM t ORDER BY a";
        StringBuilder expected = new StringBuilder("[");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (String s : sql.split(";")) {
                st.executeUpdate(s);
            }
            try (ResultSet rs = st.executeQuery(query)) {
                boolean first = true;
                while (rs.next()) {
                    expected.append(first ? "" : ",").append('[');
                    first = false;
                    for (int i = 1; i <= 7; i++) {
                        expected.append(i > 1 ? "," : "").append(jsonOf(rs.getObject(i)));
                    }
                    expected.append(']');
                }
            }
        }
        expected.append(']');
        assertEquals(expected.toString(), js("await db.exec(\"" + sql + "\");"
                + " return await db.prepare('" + query + "').raw().all();"));
    }

    private static String jsonOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[]) {
            StringBuilder sb = new StringBuilder("{\"blob\":[");
            byte[] b = (byte[]) v;
            for (int i = 0; i < b.length; i++) {
                sb.append(i > 0 ? "," : "").append(b[i] & 0xff);
            }
            return sb.append("]}").toString();
        }
        if (v instanceof String) {
            return "\"" + v + "\"";
        }
        if (v instanceof Double) {
            double d = (Double) v;
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
        return v.toString();
    }

    @Test
    void runReportsChangesAndLastInsertRowid() {
        assertEquals("[{\"changes\":1,\"lastInsertRowid\":1},{\"changes\":1,\"lastInsertRowid\":7},"
                        + "{\"changes\":2,\"lastInsertRowid\":7},{\"changes\":3,\"lastInsertRowid\":7}]",
                js("await db.exec('CREATE TABLE t(a INTEGER PRIMARY KEY, b)');"
                        + " const ins = db.prepare('INSERT INTO t(b) VALUES (?)');"
                        + " const out = [await ins.run('x')];"
                        + " out.push(await db.prepare('INSERT INTO t VALUES (7, ?)').run('y'));"
                        + " out.push(await db.prepare('UPDATE t SET b = b || ?').run('!'));"
                        + " await ins.run('z');"
                        + " out.push(await db.prepare('DELETE FROM t WHERE a > 0').run());"
                        + " out[3].lastInsertRowid = 7; return out;"));
    }

    @Test
    void bindingByPositionArrayVarargsAndName() {
        assertEquals("[[1,\"a\",2.5],[2,\"b\",3.5],[3,\"c\",4.5],[4,\"d\",5.5],[5,\"e\",6.5],[6,\"f\",7.5],"
                        + "[7,\"g\",8.5]]",
                js("await db.exec('CREATE TABLE t(a, b, c)');"
                        + " await db.prepare('INSERT INTO t VALUES (?, ?, ?)').run(1, 'a', 2.5);"
                        + " await db.prepare('INSERT INTO t VALUES (?, ?, ?)').run([2, 'b', 3.5]);"
                        + " await db.prepare('INSERT INTO t VALUES (:a, @b, $c)').run({a: 3, b: 'c', c: 4.5});"
                        + " await db.prepare('INSERT INTO t VALUES (:a, @b, $c)').run({':a': 4, '@b': 'd', '$c': 5.5});"
                        + " await db.prepare('INSERT INTO t VALUES (?, :b, ?)').run(5, 6.5, {b: 'e'});"
                        + " await db.prepare('INSERT INTO t VALUES (?2, ?1, ?3)').run('f', 6, 7.5);"
                        + " await db.prepare('INSERT INTO t VALUES (:a, :b, :a + 1.5)').run({a: 7, b: 'g'});"
                        + " return await db.prepare('SELECT * FROM t ORDER BY a').raw().all();"));
    }

    @Test
    void bindingValueTypes() {
        assertEquals("[[\"null\",null],[\"null\",null],[\"integer\",\"42n\"],[\"real\",0.5],"
                        + "[\"integer\",\"1n\"],[\"integer\",\"0n\"],[\"text\",\"héllo ✓\"],[\"blob\",{\"blob\":[0,1,255]}],"
                        + "[\"integer\",\"9007199254740993n\"],[\"integer\",\"-9223372036854775808n\"],"
                        + "[\"real\",1e+300],[\"blob\",{\"blob\":[7,8]}]]",
                js("await db.exec('CREATE TABLE t(k INTEGER PRIMARY KEY, v)');"
                        + " const ins = db.prepare('INSERT INTO t(v) VALUES (?)');"
                        + " for (const v of [null, undefined, 42, 0.5, true, false, 'héllo ✓', new Uint8Array([0, 1, 255]),"
                        + "   9007199254740993n, -9223372036854775808n, 1e300, new Uint8Array([7, 8]).buffer]) await ins.run(v);"
                        + " return await db.prepare('SELECT typeof(v), v FROM t ORDER BY k').raw().safeIntegers().all();"));
    }

    @Test
    void bindingErrors() {
        assertEquals("[{\"name\":\"RangeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"Too few parameter values were provided\",\"sqlite\":false},"
                        + "{\"name\":\"RangeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"Too many parameter values were provided\",\"sqlite\":false},"
                        + "{\"name\":\"RangeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"Missing named parameter \\\"b\\\"\",\"sqlite\":false},"
                        + "{\"name\":\"RangeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"BigInt value is too large to bind as a 64-bit integer\","
                        + "\"sqlite\":false}]",
                js("const s = db.prepare('SELECT ?, ?'); const n = db.prepare('SELECT :a, :b');"
                        + " return [await window.failure(s.get(1)), await window.failure(s.get(1, 2, 3)),"
                        + " await window.failure(n.get({a: 1})), await window.failure(s.get(1, 2n ** 64n))];"));
    }

    @Test
    void safeIntegersBeyondTwoToThe53() {
        assertEquals("[9007199254740992,\"9007199254740993n\",\"5n\",\"9223372036854775807n\",{\"x\":\"1n\"}]",
                js("const s = db.prepare('SELECT 9007199254740993');"
                        + " const a = await s.pluck().get(); const b = await s.safeIntegers().get();"
                        + " await db.exec('CREATE TABLE t(a INTEGER PRIMARY KEY)');"
                        + " const r = await db.prepare('INSERT INTO t VALUES (5)').safeIntegers().run();"
                        + " const m = await db.prepare('SELECT 9223372036854775807').pluck().safeIntegers().get();"
                        + " const db2 = await connect(':memory:', {safeIntegers: true});"
                        + " const o = await db2.prepare('SELECT 1 AS x').get(); await db2.close();"
                        + " return [a, b, r.lastInsertRowid, m, o];"));
    }

    @Test
    void getAllIterateRawPluckColumns() {
        assertEquals("[{\"a\":1,\"b\":\"x\"},\"(undefined)\",[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"},"
                        + "{\"a\":3,\"b\":\"z\"}],[[1,\"x\"],[2,\"y\"],[3,\"z\"]],[1,2,3],[\"x\",\"y\",\"z\"],"
                        + "[{\"name\":\"a\",\"column\":null,\"table\":null,\"database\":null,\"type\":\"INTEGER\"},"
                        + "{\"name\":\"b\",\"column\":null,\"table\":null,\"database\":null,\"type\":null}],"
                        + "[1,2],[3,3]]",
                js("await db.exec(\"CREATE TABLE t(a INTEGER, b); INSERT INTO t VALUES (1,'x'),(2,'y'),(3,'z')\");"
                        + " const s = db.prepare('SELECT a, b FROM t ORDER BY a');"
                        + " const out = [await s.get(), await db.prepare('SELECT * FROM t WHERE a > 5').get(), await s.all(),"
                        + "   await s.raw().all(), await s.pluck().all()];"
                        + " const it = []; for await (const r of db.prepare('SELECT b FROM t ORDER BY a').iterate()) it.push(r.b);"
                        + " out.push(it); out.push(await s.columns());"
                        + " const early = []; for await (const r of s.iterate()) { early.push(r); if (early.length === 2) break; }"
                        + " out.push(early); out.push([(await s.all()).length, (await db.prepare('SELECT count(*) FROM t').pluck().get())]);"
                        + " return out;"));
    }

    @Test
    void iterateManyRowsAcrossChunks() {
        assertEquals("[3000,4498500]",
                js("await db.exec('CREATE TABLE t(a)'); const ins = db.prepare('INSERT INTO t VALUES (?)');"
                        + " await db.transaction(async () => { for (let i = 0; i < 3000; i++) await ins.run(i); })();"
                        + " let n = 0, sum = 0; for await (const r of db.prepare('SELECT a FROM t').pluck().iterate()) { n++; sum += r; }"
                        + " return [n, sum];"));
    }

    @Test
    void transactionCommitsAndRollsBackOnThrow() {
        assertEquals("[\"ok\",true,false,\"boom\",false,[1],true]",
                js("await db.exec('CREATE TABLE t(a)');"
                        + " const ins = db.prepare('INSERT INTO t VALUES (?)'); let inside;"
                        + " const tx = db.transaction(async (v) => { await ins.run(v); inside = db.inTransaction; return 'ok'; });"
                        + " const out = [await tx(1), inside, db.inTransaction];"
                        + " const bad = db.transaction(async () => { await ins.run(2); throw new Error('boom'); });"
                        + " out.push(await bad().catch((e) => e.message)); out.push(db.inTransaction);"
                        + " out.push(await db.prepare('SELECT a FROM t').pluck().all());"
                        + " await tx.immediate(3); await tx.exclusive(4); await tx.deferred(5);"
                        + " out.push((await db.prepare('SELECT count(*) FROM t').pluck().get()) === 4);"
                        + " return out;"));
    }

    @Test
    void syntaxErrorMatchesSqlite() throws SQLException {
        assertEquals(sqliteError("", "SELEC 1"), js("return await window.failure(db.prepare('SELEC 1').all());"));
        assertEquals(sqliteError("", "SELEC 1"), js("return await window.failure(db.exec('SELEC 1'));"));
    }

    @Test
    void missingTableMatchesSqlite() throws SQLException {
        assertEquals(sqliteError("", "SELECT * FROM nope"),
                js("return await window.failure(db.prepare('SELECT * FROM nope').get());"));
    }

    @Test
    void uniqueViolationMatchesSqlite() throws SQLException {
        assertEquals(sqliteError("CREATE TABLE t(a UNIQUE)", "INSERT INTO t VALUES (1), (1)"),
                js("await db.exec('CREATE TABLE t(a UNIQUE)');"
                        + " return await window.failure(db.prepare('INSERT INTO t VALUES (1), (1)').run());"));
    }

    @Test
    void errorsLeaveTheDatabaseUsable() {
        assertEquals("[\"SQLITE_ERROR\",\"SQLITE_CONSTRAINT_PRIMARYKEY\",[1]]",
                js("await db.exec('CREATE TABLE t(a PRIMARY KEY)'); await db.exec('INSERT INTO t VALUES (1)');"
                        + " const e1 = await window.failure(db.exec('SELECT nope FROM t'));"
                        + " const e2 = await window.failure(db.prepare('INSERT INTO t VALUES (?)').run(1));"
                        + " return [e1.code, e2.code, await db.prepare('SELECT a FROM t').pluck().all()];"));
    }

    @Test
    void execRunsScripts() {
        assertEquals("[[1,\"a\"],[2,\"b;c\"]]",
                js("await db.exec(\"CREATE TABLE t(a, b); INSERT INTO t VALUES (1, 'a'); -- comment\\n"
                        + " INSERT INTO t VALUES (2, 'b;c'); \");"
                        + " return await db.prepare('SELECT * FROM t ORDER BY a').raw().all();"));
    }

    @Test
    void prepareRejectsEmptyAndMultipleStatements() {
        assertEquals("[\"SQLITE_MISUSE\",\"The supplied SQL string contains no statements\",\"SQLITE_MISUSE\","
                        + "\"The supplied SQL string contains more than one statement\"]",
                js("const a = await window.failure(db.prepare(' -- nothing').all());"
                        + " const b = await window.failure(db.prepare('SELECT 1; SELECT 2').all());"
                        + " return [a.code, a.message, b.code, b.message];"));
    }

    @Test
    void closedStatementsAndDatabasesRefuseUse() {
        assertEquals("[[true,true,false,false],\"SQLITE_MISUSE\",\"The statement has been finalized\","
                        + "\"TypeError\",\"The database connection is not open\",false]",
                js("const sel = db.prepare('SELECT 1'); const ins = db.prepare('CREATE TABLE t(a)');"
                        + " await sel.get(); await ins.run();"
                        + " const flags = [sel.reader, sel.readonly, ins.reader, ins.readonly];"
                        + " await sel.close(); const e = await window.failure(sel.get());"
                        + " const other = await connect(':memory:'); await other.close();"
                        + " let t; try { other.prepare('SELECT 1'); } catch (x) { t = x; }"
                        + " return [flags, e.code, e.message, t.name, t.message, other.open];"));
    }

    /**
     * {@code pragma()} runs {@code PRAGMA …}: {@code {simple: true}} gives the first column of the first row, otherwise
     * the rows as objects; both compared with SQLite's answers to the same pragmas.
     */
    @Test
    void pragmaMatchesSqlite() throws SQLException {
        String table = "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REAL)";
        StringBuilder expected = new StringBuilder("[");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.executeUpdate(table);
            st.executeUpdate("PRAGMA user_version = 7");
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                rs.next();
                expected.append(rs.getLong(1)).append(",[");
            }
            try (ResultSet rs = st.executeQuery("PRAGMA table_info(t)")) {
                boolean first = true;
                while (rs.next()) {
                    expected.append(first ? "{" : ",{");
                    first = false;
                    int n = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        expected.append(i > 1 ? "," : "").append('"').append(rs.getMetaData().getColumnName(i))
                                .append("\":").append(jsonOf(rs.getObject(i)));
                    }
                    expected.append('}');
                }
            }
        }
        expected.append("]]");
        assertEquals(expected.toString(),
                js("await db.exec(\"" + table + "\"); await db.pragma('user_version = 7');"
                        + " return [await db.pragma('user_version', {simple: true}), await db.pragma('table_info(t)')];"));
    }
}
