package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values at the edges through skerry.js (special doubles, NUL characters, astral characters, megabyte values)
 * compared with what SQLite stores for the same bound values (sqlite-jdbc), and the shapes of rows and
 * statements: duplicate column names, raw/pluck toggled off, interleaved iterators, statement and database
 * properties.
 */
class JsApiValuesTest {
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

    /** SQLite's typeof(?) and quote(?) of each bound double. */
    private static String sqliteDoubles(double... values) throws SQLException {
        StringBuilder sb = new StringBuilder("[");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement ps = c.prepareStatement("SELECT typeof(?1), quote(?1)")) {
            for (double v : values) {
                ps.setDouble(1, v);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sb.append(sb.length() > 1 ? "," : "").append("[\"").append(rs.getString(1)).append("\",\"")
                            .append(rs.getString(2)).append("\"]");
                }
            }
        }
        return sb.append(']').toString();
    }

    @Test
    void specialDoublesBindAsSqliteStoresThem() throws SQLException {
        assertEquals(sqliteDoubles(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-320,
                        Double.MAX_VALUE, 0.5),
                js("const s = db.prepare('SELECT typeof(?1), quote(?1)').raw();"
                        + " const out = []; for (const v of [NaN, Infinity, -Infinity, 1e-320, Number.MAX_VALUE, 0.5])"
                        + "   out.push(await s.get(v)); return out;"));
    }

    /** -0 is a safe integer in JS, so it binds as INTEGER 0 (documented), where a C caller's -0.0 is a REAL. */
    @Test
    void negativeZeroBindsAsTheSafeIntegerZero() {
        assertEquals("[\"integer\",\"0\"]", js("return await db.prepare('SELECT typeof(?1), quote(?1)').raw().get(-0);"));
    }

    /**
     * The localtime and utc modifiers use the page's time zone ({@link Chromium#TIME_ZONE}, +05:45, and +05:30
     * before 1986): the expected texts are java.time's rendering of the same instants in that zone.
     */
    @Test
    void localtimeFollowsThePagesTimeZone() {
        long[] instants = {0L, 504_000_000L, 1_700_000_000L, 1_719_000_123L};
        StringBuilder want = new StringBuilder("[");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < instants.length; i++) {
            java.time.ZonedDateTime local = java.time.Instant.ofEpochSecond(instants[i])
                    .atZone(java.time.ZoneId.of(Chromium.TIME_ZONE));
            want.append(i == 0 ? "" : ",").append("[\"").append(local.format(f)).append("\",")
                    .append(instants[i]).append("]");
        }
        want.append("]");
        assertEquals(want.toString(),
                js("const s = db.prepare(\"SELECT datetime(?1, 'unixepoch', 'localtime'),"
                        + " unixepoch(datetime(?1, 'unixepoch', 'localtime'), 'utc')\").raw(); const out = [];"
                        + " for (const t of [0, 504000000, 1700000000, 1719000123]) out.push(await s.get(t));"
                        + " return out;"));
    }

    /** SQLite's length(?) and hex(?) of each bound text. */
    private static String sqliteTexts(String... values) throws SQLException {
        StringBuilder sb = new StringBuilder("[");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement ps = c.prepareStatement("SELECT length(?1), hex(?1), ?1 = ?1 || ''")) {
            for (String v : values) {
                ps.setString(1, v);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sb.append(sb.length() > 1 ? "," : "").append('[').append(rs.getLong(1)).append(",\"")
                            .append(rs.getString(2)).append("\",").append(rs.getLong(3)).append(']');
                }
            }
        }
        return sb.append(']').toString();
    }

    @Test
    void textWithNulAndAstralCharactersIsStoredAsSqliteStoresIt() throws SQLException {
        String[] texts = {"", "a\u0000b", "😀 é ✓", "\uD800\uDC00x"};
        assertEquals(sqliteTexts(texts),
                js("const s = db.prepare('SELECT length(?1), hex(?1), ?1 = ?1 || \\'\\'').raw(); const out = [];"
                        + " for (const v of ['', 'a\\u0000b', '😀 é ✓', '\\uD800\\uDC00x']) out.push(await s.get(v));"
                        + " return out;"));
        assertEquals("[true,true,true,true]",
                js("await db.exec('CREATE TABLE t(k INTEGER PRIMARY KEY, v)'); const ins = db.prepare('INSERT INTO t(v) VALUES (?)');"
                        + " const texts = ['', 'a\\u0000b', '😀 é ✓', '\\uD800\\uDC00x']; for (const v of texts) await ins.run(v);"
                        + " const back = await db.prepare('SELECT v FROM t ORDER BY k').pluck().all();"
                        + " return texts.map((v, i) => back[i] === v);"));
    }

    @Test
    void megabyteTextAndBlobRoundTrip() {
        assertEquals("[1048576,1048576,true,true,\"blob\",0]",
                js("const text = 'ab✓'.repeat(349525) + 'z'; const blob = new Uint8Array(1 << 20);"
                        + " for (let i = 0; i < blob.length; i++) blob[i] = (i * 31 + 7) & 255;"
                        + " await db.exec('CREATE TABLE t(a TEXT, b BLOB, c BLOB)');"
                        + " await db.prepare('INSERT INTO t VALUES (?, ?, ?)').run(text, blob, new Uint8Array(0));"
                        + " const r = await db.prepare('SELECT length(a), length(b), a, b, typeof(c), length(c) FROM t').raw().get();"
                        + " return [r[0], r[1], r[2] === text, r[3].length === blob.length && r[3].every((x, i) => x === blob[i]),"
                        + "   r[4], r[5]];"));
    }

    @Test
    void rowShapes() {
        assertEquals("[{\"a\":2},[1,2],{\"x\":1,\"y\":2},{\"x\":1,\"y\":2},[1,2],1]",
                js("const dup = await db.prepare('SELECT 1 AS a, 2 AS a').get();"
                        + " const s = db.prepare('SELECT 1 AS x, 2 AS y');"
                        + " return [dup, await s.raw().get(), await s.raw(false).get(), await s.pluck(true).pluck(false).get(),"
                        + "   await s.pluck().raw().get(), await s.raw().pluck().get()];"));
    }

    @Test
    void interleavedIteratorsKeepTheirOwnPlaces() {
        assertEquals("[1500,1124250,1500,1124250,1500]",
                js("await db.exec('CREATE TABLE t(a)'); const ins = db.prepare('INSERT INTO t VALUES (?)');"
                        + " await db.transaction(async () => { for (let i = 0; i < 1500; i++) await ins.run(i); })();"
                        + " const up = db.prepare('SELECT a FROM t ORDER BY a').pluck().iterate()[Symbol.asyncIterator]();"
                        + " const down = db.prepare('SELECT a FROM t ORDER BY a DESC').pluck().iterate()[Symbol.asyncIterator]();"
                        + " let nu = 0, su = 0, nd = 0, sd = 0, agree = 0;"
                        + " while (true) { const u = await up.next(); const d = await down.next(); if (u.done || d.done) break;"
                        + "   nu++; su += u.value; nd++; sd += d.value; if (u.value + d.value === 1499) agree++; }"
                        + " return [nu, su, nd, sd, agree];"));
    }

    @Test
    void statementAndDatabaseProperties() {
        assertEquals("[\":memory:\",true,true,\"SELECT 1 AS one\",true,\"SQLITE_ERROR\",true]",
                js("const s = db.prepare('SELECT 1 AS one'); const bad = db.prepare('SELECT nope');"
                        + " const e = await window.failure(bad.columns());"
                        + " return [db.name, db.memory, db.open, s.source, s.database === db, e.code, e.sqlite];"));
    }
}
