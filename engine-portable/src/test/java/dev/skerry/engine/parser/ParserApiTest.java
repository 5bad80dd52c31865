package dev.skerry.engine.parser;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.Stmt;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public API: statement boundaries, spans, errors, sqlite3_complete, and result column names. */
class ParserApiTest {

    @Test
    void parseFirstReturnsTheTailAfterTheSemicolon() throws Exception {
        String sql = "  SELECT 1 ; SELECT 2;-- tail\n";
        ParseResult r = Parser.parseFirst(sql);
        assertEquals(12, r.tailOffset());
        assertEquals("SELECT 1", r.statement().sourceText(sql));
        ParseResult r2 = Parser.parseFirst(sql, r.tailOffset());
        assertEquals("SELECT 2", r2.statement().sourceText(sql));
        assertEquals(sql.indexOf("--"), r2.tailOffset());
        ParseResult r3 = Parser.parseFirst(sql, r2.tailOffset());
        assertNull(r3.statement());
        assertEquals(sql.length(), r3.tailOffset());
        assertNull(Parser.parseFirst(" ;; /* c */ ; -- x").statement());
        ParseResult noSemi = Parser.parseFirst("VALUES (1)  ");
        assertEquals(12, noSemi.tailOffset());
        assertEquals(3, Parser.parseAll("SELECT 1; CREATE TABLE t(a); ; DROP TABLE t").size());
    }

    @Test
    void aNulCharacterEndsTheTextAsInSqlite() throws Exception {
        try (SqliteOracle o = new SqliteOracle()) {
            for (String sql : new String[] {"SELECT 1\u0000 garbage", "SELECT \u0000", "SELECT 'a\u0000b'",
                "SELECT 1 +\u0000 2", "SELECT [a\u0000]"}) {
                assertNull(o.disagreement(sql), sql);
            }
        }
        assertEquals(8, Parser.parseFirst("SELECT 1\u0000;").tailOffset());
        assertEquals(false, SqlComplete.isComplete("SELECT 1\u0000;"));
    }

    @Test
    void onlyTheFirstStatementIsExamined() throws Exception {
        ParseResult r = Parser.parseFirst("SELECT 1; this is ' not sql");
        assertEquals(9, r.tailOffset());
        SqliteException e = assertThrows(SqliteException.class, () -> Parser.parseAll("SELECT 1; SELEC 2"));
        assertEquals("near \"SELEC\": syntax error", e.getMessage());
        assertEquals(ResultCode.SQLITE_ERROR, e.code());
    }

    @Test
    void createStatementSpanIsTheTextSqliteStores() throws Exception {
        String sql = "CREATE TABLE t1 ( a INTEGER DEFAULT (1 + 2), b DEFAULT - 5 )  ;";
        ParseResult r = Parser.parseFirst(sql);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute(sql);
            java.sql.ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema");
            rs.next();
            assertEquals(rs.getString(1), r.statement().sourceText(sql));
            Stmt.CreateTable ct = (Stmt.CreateTable) r.statement();
            java.sql.ResultSet info = st.executeQuery("SELECT dflt_value FROM pragma_table_info('t1')");
            for (int i = 0; i < 2; i++) {
                info.next();
                ColumnConstraint.Default d = (ColumnConstraint.Default) ct.columns().get(i).constraints().get(0);
                assertEquals(info.getString(1), d.text());
            }
        }
    }

    @Test
    void sqlCompleteMatchesSqlite() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            ParserApiTest.class.getResourceAsStream("complete.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String text = jsonString(line.substring(2));
                assertEquals(line.charAt(0) == '1', SqlComplete.isComplete(text), line);
                n++;
            }
        }
        assertTrue(n > 40);
    }

    /** Decodes the JSON string literals of complete.txt (escapes \n \" \\ \\uXXXX). */
    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = s.charAt(++i);
                if (e == 'n') {
                    b.append('\n');
                } else if (e == 'u') {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * For every query of the sqllogictest files select1-5: the name SQLite gives each result column that is an
     * expression (not a plain column, not *) is the alias or the column's source text from its span.
     */
    @Test
    void resultColumnSpansGiveSqlitesColumnNames() throws Exception {
        int checked = 0;
        for (String f : new String[] {"select1.test", "select2.test", "select3.test", "select4.test"}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                 Statement st = c.createStatement()) {
                for (String sql : CorpusTest.sltStatements(Paths.get("/work/shared/corpus/slt", f), false)) {
                    if (sql.trim().toUpperCase().startsWith("CREATE")) {
                        st.execute(sql);
                        continue;
                    }
                    Stmt s = Parser.parseFirst(sql).statement();
                    if (!(s instanceof Select)) {
                        continue;
                    }
                    Select sel = (Select) s;
                    if (!(sel.cores().get(0) instanceof SelectCore.Query)) {
                        continue;
                    }
                    List<ResultColumn> cols = ((SelectCore.Query) sel.cores().get(0)).columns();
                    ResultSetMetaData md;
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        md = p.getMetaData();
                        if (md.getColumnCount() != cols.size()) {
                            continue;
                        }
                        for (int i = 0; i < cols.size(); i++) {
                            if (!(cols.get(i) instanceof ResultColumn.Column)) {
                                continue;
                            }
                            ResultColumn.Column col = (ResultColumn.Column) cols.get(i);
                            String expected = col.alias() != null ? col.alias().text()
                                : col.expr() instanceof Expr.ColumnRef ? null : col.sourceText(sql);
                            if (expected != null) {
                                assertEquals(md.getColumnName(i + 1), expected, sql);
                                checked++;
                            }
                        }
                    } catch (java.sql.SQLException e) {
                        // Queries SQLite rejects (the files hold some) have no column names to compare.
                    }
                }
            }
        }
        System.out.println("result column names checked against SQLite: " + checked);
        assertTrue(checked > 1000);
    }

    /** The CREATE statements of grammar.sql and of the sqltest corpus: the text SQLite stores for each. */
    @Test
    void schemaSqlIsWhatSqliteStores() throws Exception {
        List<String> creates = new java.util.ArrayList<>();
        for (String sql : GrammarTest.grammarStatements()) {
            if (sql.startsWith("CREATE")) {
                creates.add(sql);
            }
        }
        try (java.util.stream.Stream<java.nio.file.Path> files =
                 java.nio.file.Files.walk(Paths.get("/work/shared/corpus/turso-sqltest/sqlite-sqltests"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.filter(
                p -> p.toString().endsWith(".sqltest")).sorted()::iterator) {
                for (String sql : CorpusTest.sqltestStatements(f)) {
                    if (sql.trim().toUpperCase().startsWith("CREATE")) {
                        creates.add(sql);
                    }
                }
            }
        }
        int checked = 0;
        for (String sql : creates) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t(a, b, c)");
                st.execute("CREATE VIEW v AS SELECT * FROM t");
                ParseResult r;
                try {
                    r = Parser.parseFirst(sql);
                    st.execute(sql.substring(0, r.tailOffset()));
                } catch (SqliteException | java.sql.SQLException e) {
                    continue;
                }
                String mine = SchemaSql.of(r.statement(), sql);
                if (mine == null) {
                    continue;
                }
                java.sql.ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_schema WHERE sql = '"
                    + mine.replace("'", "''") + "' UNION ALL SELECT sql FROM sqlite_temp_schema WHERE sql = '"
                    + mine.replace("'", "''") + "'");
                assertTrue(rs.next(), sql + " => " + mine);
                checked++;
            }
        }
        System.out.println("sqlite_schema.sql texts checked against SQLite: " + checked);
        assertTrue(checked > 1000);
    }
}
