package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Databases in the origin private file system: data survives a reload (with and without closing first) and a
 * browser restart on the same profile, a second tab is refused with SQLITE_BUSY while the first holds the
 * database, the file the browser wrote is a database real SQLite reads and checks, and a file SQLite made is
 * imported into OPFS and read.
 */
class OpfsTest {
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
    }

    private static String js(Page page, String body) {
        return String.valueOf(page.evaluate("async () => { const { connect } = window.skerry;"
                + " return window.json(await (async () => { " + body + " })()); }"));
    }

    private static String js(String body) {
        return js(browser.page(), body);
    }

    private static String write(String path, boolean close) {
        return js("const db = await connect('" + path + "');"
                + " await db.exec(\"CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT); CREATE INDEX tb ON t(b)\");"
                + " const ins = db.prepare('INSERT INTO t(b) VALUES (?)');"
                + " await db.transaction(async () => { for (let i = 0; i < 500; i++) await ins.run('row ' + i); })();"
                + " await ins.run('last');"
                + (close ? " await db.close();" : "")
                + " return 'written';");
    }

    private static String read(String path) {
        return js("const db = await connect('" + path + "');"
                + " try { return [await db.prepare('SELECT count(*) FROM t').pluck().get(),"
                + " await db.prepare('SELECT b FROM t WHERE a = 501').pluck().get(),"
                + " await db.prepare(\"SELECT a FROM t WHERE b = 'row 250'\").pluck().get()]; }"
                + " finally { await db.close(); }");
    }

    private static final String EXPECTED = "[501,\"last\",251]";

    @Test
    void persistsAcrossReloadAfterClose() {
        assertEquals("\"written\"", write("closed.db", true));
        browser.reload();
        assertEquals(EXPECTED, read("closed.db"));
    }

    @Test
    void persistsAcrossReloadWithoutClose() {
        assertEquals("\"written\"", write("dir/sub/unclosed.db", false));
        browser.reload();
        assertEquals(EXPECTED, read("dir/sub/unclosed.db"));
    }

    @Test
    void persistsAcrossBrowserRestart() {
        assertEquals("\"written\"", write("restart.db", true));
        browser.restart();
        assertEquals(EXPECTED, read("restart.db"));
    }

    @Test
    void secondTabIsToldTheDatabaseIsLocked() {
        assertEquals("\"open\"", js("window.held = await connect('locked.db');"
                + " await window.held.exec('CREATE TABLE t(a); INSERT INTO t VALUES (1)'); return 'open';"));
        Page other = browser.openPage();
        try {
            assertEquals("{\"name\":\"SqliteError\",\"code\":\"SQLITE_BUSY\",\"rawCode\":5,"
                            + "\"message\":\"database is locked\",\"sqlite\":true}",
                    js(other, "return await window.failure(connect('locked.db'));"));
            assertEquals("[1]", js("return await window.held.prepare('SELECT a FROM t').pluck().all();"));
            assertEquals("\"closed\"", js("await window.held.close(); return 'closed';"));
            assertEquals("[1]", js(other, "const db = await connect('locked.db');"
                    + " try { return await db.prepare('SELECT a FROM t').pluck().all(); } finally { await db.close(); }"));
        } finally {
            other.close();
        }
    }

    @Test
    void fileWrittenInTheBrowserIsReadByRealSqlite() throws Exception {
        assertEquals("\"written\"", write("export.db", true));
        String base64 = String.valueOf(browser.eval("async () => { const root = await navigator.storage.getDirectory();"
                + " const file = await (await root.getFileHandle('export.db')).getFile();"
                + " const bytes = new Uint8Array(await file.arrayBuffer()); let s = '';"
                + " for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));"
                + " return btoa(s); }"));
        Path file = Files.createTempFile("skerry-export-", ".db");
        try {
            Files.write(file, Base64.getDecoder().decode(base64));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*), max(a), (SELECT a FROM t WHERE b = 'row 250') FROM t")) {
                    rs.next();
                    assertEquals("501 501 251", rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void fileMadeBySqliteIsImportedAndRead() throws Exception {
        Path file = Files.createTempFile("skerry-import-", ".db");
        try {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT UNIQUE, price REAL)");
                st.executeUpdate("CREATE INDEX p_price ON p(price)");
                for (int i = 1; i <= 300; i++) {
                    st.executeUpdate("INSERT INTO p(name, price) VALUES ('item" + i + "', " + i + ".5)");
                }
            }
            String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            assertEquals("[300,\"item150\",[[298,298.5],[299,299.5],[300,300.5]],\"SQLITE_CONSTRAINT_UNIQUE\"]",
                    js("const bytes = Uint8Array.from(atob('" + base64 + "'), (c) => c.charCodeAt(0));"
                            + " const root = await navigator.storage.getDirectory();"
                            + " const w = await (await root.getFileHandle('imported.db', {create: true})).createWritable();"
                            + " await w.write(bytes); await w.close();"
                            + " const db = await connect('imported.db');"
                            + " try { return [await db.prepare('SELECT count(*) FROM p').pluck().get(),"
                            + " await db.prepare('SELECT name FROM p WHERE price = 150.5').pluck().get(),"
                            + " await db.prepare('SELECT id, price FROM p WHERE price > 298 ORDER BY price').raw().all(),"
                            + " (await window.failure(db.prepare(\"INSERT INTO p(name) VALUES ('item7')\").run())).code]; }"
                            + " finally { await db.close(); }"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
