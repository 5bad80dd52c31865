package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error paths of skerry.js's API: use after close, values that cannot be bound, wrong parameter counts and
 * names, errors in the middle of iteration, nested and failing transactions, scripts that fail halfway,
 * constraint codes. Engine errors are compared with SQLite's (sqlite-jdbc); API misuse follows better-sqlite3
 * (TypeError / RangeError with its messages).
 */
class JsApiMisuseTest {
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

    private static final String NOT_OPEN = "{\"name\":\"TypeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\","
            + "\"message\":\"The database connection is not open\",\"sqlite\":false}";

    @Test
    void everyUseAfterCloseIsRefused() {
        assertEquals("[" + NOT_OPEN + "," + NOT_OPEN + "," + NOT_OPEN + "," + NOT_OPEN + "," + NOT_OPEN + ","
                        + NOT_OPEN + ",\"closed twice\",false]",
                js("const other = await connect(':memory:'); await other.exec('CREATE TABLE t(a)');"
                        + " const sel = other.prepare('SELECT a FROM t'); await sel.all();"
                        + " const tx = other.transaction(async () => 1);"
                        + " await other.close();"
                        + " const iter = async () => { for await (const r of sel.iterate()) return r; };"
                        + " return [await window.failure(other.exec('SELECT 1')), await window.failure(sel.all()),"
                        + "   await window.failure(sel.run()), await window.failure(iter()), await window.failure(tx()),"
                        + "   await window.failure((async () => other.prepare('SELECT 1'))()),"
                        + "   await other.close().then(() => 'closed twice'), other.open];"));
    }

    private static String typeError(String message) {
        return "{\"name\":\"TypeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"" + message
                + "\",\"sqlite\":false}";
    }

    private static String rangeError(String message) {
        return "{\"name\":\"RangeError\",\"code\":\"(undefined)\",\"rawCode\":\"(undefined)\",\"message\":\"" + message
                + "\",\"sqlite\":false}";
    }

    @Test
    void valuesThatCannotBeBoundAreTypeErrors() {
        String cannot = typeError("SQLite3 can only bind numbers, strings, bigints, buffers, and null");
        assertEquals("[" + cannot + "," + cannot + "," + cannot + "," + cannot + ","
                        + typeError("You cannot specify named parameters in two different objects") + ",[1]]",
                js("const s = db.prepare('SELECT ?'); const n = db.prepare('SELECT :a');"
                        + " return [await window.failure(s.get(new Date(0))), await window.failure(s.get(() => 1)),"
                        + "   await window.failure(s.get(Symbol('x'))), await window.failure(s.get([{}])),"
                        + "   await window.failure(n.get({a: 1}, {a: 2})), await s.raw().get(1)];"));
    }

    @Test
    void parameterCountsAndNamesAreChecked() {
        assertEquals("[" + rangeError("Missing named parameter \\\"a\\\"") + ","
                        + rangeError("Too few parameter values were provided") + ","
                        + rangeError("Too many parameter values were provided") + ","
                        + "[1],[1],[7,7],[null]]",
                js("const n = db.prepare('SELECT :a'); const p = db.prepare('SELECT ?');"
                        + " return [await window.failure(n.get(1)), await window.failure(p.get({a: 1})),"
                        + "   await window.failure(db.prepare('SELECT 1').get(1)),"
                        // an object naming nothing the statement has binds nothing, as in better-sqlite3
                        + "   await p.raw().get(1, {a: 2}),"
                        // keys a statement does not name are ignored, as in better-sqlite3
                        + "   await n.raw().get({a: 1, unused: 2}),"
                        + "   await db.prepare('SELECT ?1, ?1').raw().get(7),"
                        + "   await p.raw().get(undefined)];"));
    }

    @Test
    void iterationErrorSurfacesAndTheStatementStaysUsable() throws SQLException {
        String overflow = SqliteReference.error("CREATE TABLE t(a); INSERT INTO t VALUES (-9223372036854775808)",
                "SELECT abs(a) FROM t");
        assertEquals("[512," + overflow + ",[1,2,3],false]",
                js("await db.exec('CREATE TABLE t(a)'); const ins = db.prepare('INSERT INTO t VALUES (?)');"
                        + " await db.transaction(async () => { for (let i = 1; i <= 600; i++) await ins.run(i);"
                        + "   await ins.run(-9223372036854775808n); })();"
                        + " const s = db.prepare('SELECT abs(a) FROM t WHERE rowid <= ? ORDER BY rowid').pluck();"
                        + " let seen = 0; const e = await window.failure((async () => { for await (const v of s.iterate(1000)) seen++; })());"
                        + " return [seen, e, await s.all(3), db.inTransaction];"));
    }

    @Test
    void nestedTransactionIsRefusedAndTheOuterOneRollsBack() throws SQLException {
        String nested = SqliteReference.error("BEGIN", "BEGIN");
        assertEquals("[" + nested + ",false,0]",
                js("await db.exec('CREATE TABLE t(a)'); const ins = db.prepare('INSERT INTO t VALUES (?)');"
                        + " const inner = db.transaction(async () => { await ins.run(2); });"
                        + " const outer = db.transaction(async () => { await ins.run(1); await inner(); });"
                        + " const e = await window.failure(outer());"
                        + " return [e, db.inTransaction, await db.prepare('SELECT count(*) FROM t').pluck().get()];"));
    }

    @Test
    void errorCaughtInsideATransactionDoesNotAbortIt() {
        assertEquals("[\"SQLITE_CONSTRAINT_PRIMARYKEY\",[1,2]]",
                js("await db.exec('CREATE TABLE t(a INTEGER PRIMARY KEY)'); const ins = db.prepare('INSERT INTO t VALUES (?)');"
                        + " let code; await db.transaction(async () => { await ins.run(1);"
                        + "   try { await ins.run(1); } catch (e) { code = e.code; } await ins.run(2); })();"
                        + " return [code, await db.prepare('SELECT a FROM t ORDER BY a').pluck().all()];"));
    }

    @Test
    void scriptStopsAtTheFirstErrorKeepingWhatRanBefore() throws SQLException {
        assertEquals("[" + SqliteReference.error("", "INSERT INTO nope VALUES (2)") + ",[1]]",
                js("const e = await window.failure(db.exec('CREATE TABLE t(a); INSERT INTO t VALUES (1);"
                        + " INSERT INTO nope VALUES (2); INSERT INTO t VALUES (3)'));"
                        + " return [e, await db.prepare('SELECT a FROM t').pluck().all()];"));
    }

    @Test
    void constraintErrorsCarrySqlitesExtendedCodes() throws SQLException {
        String table = "CREATE TABLE t(id INTEGER PRIMARY KEY, u UNIQUE, n NOT NULL, c CHECK (c > 0))";
        String[] failing = {"INSERT INTO t VALUES (1, 1, 1, 1)", "INSERT INTO t VALUES (2, 2, NULL, 1)",
            "INSERT INTO t VALUES (2, 1, 1, 1)", "INSERT INTO t VALUES (2, 2, 1, 0)"};
        StringBuilder expected = new StringBuilder("[");
        StringBuilder body = new StringBuilder("await db.exec('" + table + "'); await db.exec('" + failing[0] + "');"
                + " return [");
        for (String f : failing) {
            expected.append(expected.length() > 1 ? "," : "")
                    .append(SqliteReference.error(table + ";" + failing[0], f));
            body.append("await window.failure(db.prepare('").append(f).append("').run()),");
        }
        assertEquals(expected.append(']').toString(), js(body.append("];").toString()));
    }

    @Test
    void changesOfStatementsThatChangeNothingAreZero() {
        assertEquals("[2,0,0]",
                js("await db.exec('CREATE TABLE t(a)');"
                        + " const a = await db.prepare('INSERT INTO t VALUES (1), (2)').run();"
                        + " const b = await db.prepare('SELECT * FROM t').run();"
                        + " const c = await db.prepare('SELECT count(*) FROM t WHERE a > ?').run(5);"
                        + " return [a.changes, b.changes, c.changes];"));
    }

    @Test
    void nonStringSqlAndPathsAreTypeErrors() {
        String expected = typeError("Expected first argument to be a string");
        assertEquals("[" + expected + "," + expected + "," + expected + "]",
                js("return [await window.failure((async () => db.prepare(42))()), await window.failure(db.exec(null)),"
                        + " await window.failure(connect(undefined))];"));
    }

    @Test
    void unusableOpfsPathsAreCantopen() {
        assertEquals("[\"SQLITE_CANTOPEN\",\"SQLITE_CANTOPEN\",\"SQLITE_CANTOPEN\",true]",
                js("const codes = []; for (const p of ['/', 'a/../b.db', 'dir/..']) codes.push((await window.failure(connect(p))).code);"
                        + " const ok = await connect('dir/fine.db'); await ok.close(); return [...codes, ok.open === false];"));
    }
}
