package dev.skerry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.skerry.demo.DemoSite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The demo's SQL console used as a person uses it: Jetty serves the page through {@link DemoSite#handler()},
 * the handler the demo server mounts, and Chromium is driven only by typing and clicking on visible elements.
 * Each test works on its own database, chosen in the page's database field. What the page shows for values
 * and errors is compared with what real SQLite (sqlite-jdbc) gives for the same statements.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoConsoleTest {
    private static Server server;
    private static Chromium chromium;
    private static Page page;
    private static final List<String> console = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(DemoSite.handler());
        server.start();
        chromium = new Chromium();
        page = chromium.context().newPage();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        page.onPageError(e -> console.add("pageerror: " + e));
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            chromium.close();
        } finally {
            server.stop();
        }
    }

    @AfterEach
    void pageRaisedNoUncaughtError() {
        List<String> errors = console.stream()
                .filter(m -> m.startsWith("pageerror") || m.startsWith("error"))
                .toList();
        console.clear();
        assertEquals(List.of(), errors, "the page's console");
    }

    private static String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/";
    }

    private static Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator editor() {
        return page.getByLabel("SQL editor");
    }

    private static Locator summary() {
        return page.locator("#summary");
    }

    private static Locator sidebar() {
        return page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Schema"));
    }

    /** The sidebar's button for a table or view. */
    private static Locator sidebarEntry(String name) {
        return sidebar().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator results() {
        return page.getByLabel("Results", new Page.GetByLabelOptions().setExact(true));
    }

    /** Loads the console and opens {@code database} through the database field and the Open button. */
    private static void openConsole(String database) {
        page.navigate(url());
        assertThat(button("Run")).isEnabled();
        Locator field = page.getByLabel("Database", new Page.GetByLabelOptions().setExact(true));
        field.fill(database);
        button("Open").click();
        assertThat(results()).containsText("Opened " + database + ".");
        assertThat(button("Run")).isEnabled();
    }

    /** Replaces the editor's text by typing {@code sql}. */
    private static void type(String sql) {
        editor().fill("");
        editor().pressSequentially(sql);
    }

    /** Types {@code sql}, clicks Run and waits for the run's summary. */
    private static void run(String sql) {
        type(sql);
        button("Run").click();
        assertThat(summary()).hasText(Pattern.compile("\\d+ statements? · .* ms|\\d+ statements? · .* s"));
    }

    /** The cells of the last result table, row by row, as shown. */
    private static List<List<String>> lastTable() {
        Locator table = results().getByRole(AriaRole.TABLE).last();
        List<List<String>> out = new ArrayList<>();
        Locator rows = table.locator("tbody").getByRole(AriaRole.ROW);
        for (int i = 0; i < rows.count(); i++) {
            out.add(rows.nth(i).getByRole(AriaRole.CELL).allInnerTexts());
        }
        return out;
    }

    private static List<String> lastHeaders() {
        return results().getByRole(AriaRole.TABLE).last().getByRole(AriaRole.COLUMNHEADER).allInnerTexts();
    }

    /** The rows SQLite gives for {@code query} after {@code setup}, each value as the console should show it. */
    private static List<List<String>> sqliteShows(List<String> setup, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (String sql : setup) {
                st.executeUpdate(sql);
            }
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(query)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null ? "NULL" : v instanceof byte[] b ? blobLiteral(b) : rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static String blobLiteral(byte[] bytes) {
        StringBuilder s = new StringBuilder("X'");
        for (byte b : bytes) {
            s.append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
        }
        return s.append('\'').toString();
    }

    /** SQLite's error for the last of {@code statements}: "NAME (code)" and the message. */
    private static List<String> sqliteError(List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLiteException e) {
                    SQLiteErrorCode code = e.getResultCode();
                    String m = e.getMessage();
                    int open = m.indexOf(" (", m.indexOf(']'));
                    return List.of(code.name() + " (" + code.code + ")", m.substring(open + 2, m.length() - 1));
                }
            }
        }
        throw new AssertionError("SQLite raised no error for " + statements);
    }

    @Test
    @Order(1)
    void firstVisitOpensDemoDbWithASampleScriptThatRuns() {
        page.navigate(url());
        assertThat(page).hasTitle("Skerry SQL console");
        assertThat(page.getByLabel("Database", new Page.GetByLabelOptions().setExact(true))).hasValue("demo.db");
        assertThat(page.locator("#db-status")).hasText("saved in this browser (OPFS)");
        assertThat(sidebar()).containsText("No tables yet");
        button("Run").click();
        assertThat(summary()).containsText("3 statements · 3 rows");
        assertEquals(List.of(List.of("Bass Rock", "0.08", "1"), List.of("Fastnet", "0.004", "1"),
                List.of("Rockall", "0.0006", "NULL")), lastTable());
        assertThat(sidebarEntry("skerries")).isVisible();
    }

    @Test
    @Order(2)
    void createInsertSelectShowsTheRowsAsSqliteDoes() throws Exception {
        openConsole("console.db");
        List<String> setup = List.of(
                "CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, photo BLOB)",
                "INSERT INTO people(name, score, photo) VALUES ('Ada', 9.5, x'CAFE01'), ('Grace', NULL, NULL),"
                        + " ('Edsger', 1e20, x'')");
        run(String.join(";\n", setup) + ";");
        assertThat(sidebarEntry("people")).isVisible();
        assertThat(results()).containsText("3 rows changed");
        assertThat(summary()).containsText("2 statements · 0 rows");

        String query = "SELECT id, name, score, photo, 1.0 AS one, 0.1 + 0.2 AS sum, 7 / 2 AS half"
                + " FROM people ORDER BY id";
        type(query + ";");
        editor().press("Control+Enter");
        assertThat(summary()).containsText("1 statement · 3 rows");
        assertEquals(List.of("id INTEGER", "name TEXT", "score REAL", "photo BLOB", "one", "sum", "half"),
                lastHeaders());
        List<List<String>> shown = lastTable();
        assertEquals(sqliteShows(setup, query), shown);
        assertEquals(List.of("1", "Ada", "9.5", "X'CAFE01'", "1.0", "0.3", "3"), shown.get(0));
        assertThat(results().locator("td", new Locator.LocatorOptions().setHasText("NULL")).first())
                .hasCSS("font-style", "italic");
    }

    @Test
    @Order(3)
    void eachStatementOfARunShowsItsResultAndASelectionRunsAlone() {
        openConsole("several.db");
        run("CREATE TABLE t(a INTEGER, b TEXT);\nINSERT INTO t VALUES (1, 'one;two');\n"
                + "SELECT b FROM t;\n-- a comment; not a statement\nSELECT a * 10 AS ten, 'x' FROM t");
        assertThat(summary()).containsText("4 statements · 2 rows");
        assertThat(results().getByRole(AriaRole.TABLE)).hasCount(2);
        assertEquals(List.of(List.of("one;two")), tableRows(0));
        assertEquals(List.of(List.of("10", "x")), tableRows(1));
        assertThat(results()).containsText("1 row changed");

        type("SELECT 'first';\nSELECT 'second'");
        editor().press("Shift+Home");
        editor().press("Control+Enter");
        assertThat(summary()).containsText("1 statement · 1 row");
        assertEquals(List.of(List.of("second")), lastTable());
    }

    private static List<List<String>> tableRows(int table) {
        Locator rows = results().getByRole(AriaRole.TABLE).nth(table).locator("tbody").getByRole(AriaRole.ROW);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.count(); i++) {
            out.add(rows.nth(i).getByRole(AriaRole.CELL).allInnerTexts());
        }
        return out;
    }

    @Test
    @Order(4)
    void errorsShowSqlitesCodeAndMessage() throws Exception {
        openConsole("errors.db");
        List<String> script = List.of("CREATE TABLE u(k TEXT UNIQUE)", "INSERT INTO u VALUES ('a')",
                "INSERT INTO u VALUES ('a')", "INSERT INTO u VALUES ('never')");
        run(String.join(";\n", script) + ";");
        Locator alert = results().getByRole(AriaRole.ALERT);
        List<String> expected = sqliteError(script);
        assertEquals("SQLITE_CONSTRAINT_UNIQUE (2067)", expected.get(0));
        assertThat(alert).containsText(expected.get(0));
        assertThat(alert).containsText(expected.get(1));
        assertThat(alert).containsText("In statement #3, line 3:");
        assertThat(summary()).containsText("failed at #3");

        run("SELECT count(*) AS n, min(k) FROM u");
        assertEquals(List.of(List.of("1", "a")), lastTable());

        run("SELECT 1;\nSELEC 2;");
        List<String> syntax = sqliteError(List.of("SELEC 2"));
        assertThat(alert).containsText(syntax.get(0));
        assertThat(alert).containsText(syntax.get(1));
        assertThat(alert).containsText("In statement #2, line 2:");
        assertThat(results().getByRole(AriaRole.TABLE)).hasCount(1);

        run("SELECT * FROM nowhere");
        List<String> missing = sqliteError(List.of("SELECT * FROM nowhere"));
        assertThat(alert).containsText(missing.get(0) + missing.get(1));
    }

    @Test
    @Order(5)
    void dataSurvivesAReload() {
        openConsole("persist.db");
        run("CREATE TABLE kept(id INTEGER PRIMARY KEY, v TEXT);\n"
                + "INSERT INTO kept(v) VALUES ('before reload'), ('still here');");
        page.reload();
        assertThat(page.getByLabel("Database", new Page.GetByLabelOptions().setExact(true))).hasValue("persist.db");
        assertThat(sidebarEntry("kept")).isVisible();
        run("SELECT id, v FROM kept ORDER BY id");
        assertEquals(List.of(List.of("1", "before reload"), List.of("2", "still here")), lastTable());
    }

    @Test
    @Order(6)
    void clickingATableShowsItsColumnsAndFirstRows() {
        openConsole("sidebar.db");
        run("CREATE TABLE items(n INTEGER PRIMARY KEY, label TEXT, price REAL);\n"
                + "INSERT INTO items SELECT x, 'item ' || x, x * 1.5 FROM"
                + " (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 150) SELECT x FROM c);\n"
                + "CREATE INDEX items_label ON items(label);\nCREATE VIEW cheap AS SELECT * FROM items WHERE price < 3;");
        assertThat(results()).containsText("150 rows changed");
        assertThat(sidebar()).containsText("items_label");
        assertThat(sidebar()).containsText("on items");
        sidebarEntry("items").click();
        assertThat(sidebar().getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("label")).first())
                .containsText("TEXT");
        assertThat(summary()).containsText("1 statement · 100 rows");
        assertThat(results()).containsText("SELECT * FROM \"items\" LIMIT 100;");
        List<List<String>> rows = lastTable();
        assertEquals(100, rows.size());
        assertEquals(List.of("1", "item 1", "1.5"), rows.get(0));
        assertEquals(List.of("100", "item 100", "150.0"), rows.get(99));

        sidebarEntry("cheap").click();
        assertThat(summary()).containsText("1 statement · 1 row");
        assertEquals(List.of(List.of("1", "item 1", "1.5")), lastTable());
    }

    @Test
    @Order(7)
    void resetStartsOverWithAnEmptyDatabase() {
        openConsole("reset.db");
        run("CREATE TABLE doomed(a); INSERT INTO doomed VALUES (42);");
        assertThat(sidebarEntry("doomed")).isVisible();

        page.onceDialog(d -> d.dismiss());
        button("Reset database").click();
        run("SELECT a FROM doomed");
        assertEquals(List.of(List.of("42")), lastTable());

        page.onceDialog(d -> d.accept());
        button("Reset database").click();
        assertThat(results()).containsText("reset.db was reset: it is empty now.");
        assertThat(sidebar()).containsText("No tables yet");
        run("SELECT a FROM doomed");
        assertThat(results().getByRole(AriaRole.ALERT)).containsText("SQLITE_ERROR (1)no such table: doomed");
        page.reload();
        assertThat(sidebar()).containsText("No tables yet");
        run("CREATE TABLE fresh(b); SELECT count(*) FROM fresh;");
        assertThat(sidebarEntry("fresh")).isVisible();
        assertThat(sidebarEntry("doomed")).hasCount(0);
    }

    @Test
    @Order(8)
    void aSecondTabIsToldTheDatabaseIsInUse() {
        openConsole("shared.db");
        Page other = chromium.context().newPage();
        try {
            other.navigate(url());
            Locator alert = other.getByRole(AriaRole.ALERT);
            assertThat(alert).containsText("SQLITE_BUSY (5)database is locked");
            assertThat(alert).containsText("shared.db is open in another tab or window");
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run"))).isDisabled();
        } finally {
            other.close();
        }
    }
}
