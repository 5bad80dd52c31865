package dev.skerry.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.parser.Parser;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripts run statement by statement through Connection.prepare/step and through SQLite (sqlite-jdbc); every
 * statement's rows (values and storage classes), column names and errors must be the same.
 */
class SqlDifferentialTest {
    private static String skerry(String script) throws SqliteException {
        Vfs vfs = TestVfs.create();
        Connection c = HostLoop.open(vfs, "diff.db");
        StringBuilder out = new StringBuilder();
        int offset = 0;
        try {
            for (;;) {
                Statement s;
                try {
                    s = c.prepare(script, offset);
                } catch (SqliteException e) {
                    out.append("error: ").append(e.getMessage()).append('\n');
                    offset = Parser.parseFirst(script, offset).tailOffset();
                    continue;
                }
                if (s == null) {
                    break;
                }
                offset = s.tailOffset();
                try {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < s.columnCount(); i++) {
                        names.add(s.columnName(i));
                    }
                    StringBuilder one = new StringBuilder();
                    one.append(names).append('\n');
                    for (List<Object> row : HostLoop.rows(s, vfs)) {
                        one.append(render(row)).append('\n');
                    }
                    one.append("changes ").append(c.changes()).append('\n');
                    out.append(one);
                } catch (SqliteException e) {
                    out.append("error: ").append(e.getMessage()).append('\n');
                } finally {
                    s.close();
                }
            }
        } finally {
            HostLoop.close(c, vfs);
        }
        return out.toString();
    }

    private static String sqlite(String script) throws Exception {
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            List<String> statements = split(script);
            for (String sql : statements) {
                try (java.sql.Statement s = c.createStatement()) {
                    boolean hasRows = s.execute(sql);
                    List<String> names = new ArrayList<>();
                    if (hasRows) {
                        ResultSet rs = s.getResultSet();
                        ResultSetMetaData md = rs.getMetaData();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            names.add(md.getColumnName(i));
                        }
                        out.append(names).append('\n');
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>();
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                Object o = rs.getObject(i);
                                row.add(o instanceof Integer ? Long.valueOf((Integer) o) : o);
                            }
                            out.append(render(row)).append('\n');
                        }
                    } else {
                        out.append(names).append('\n');
                    }
                    try (ResultSet ch = c.createStatement().executeQuery("SELECT changes()")) {
                        ch.next();
                        out.append("changes ").append(ch.getLong(1)).append('\n');
                    }
                } catch (java.sql.SQLException e) {
                    String m = e.getMessage();
                    int k = m.indexOf("(");
                    int end = m.lastIndexOf(")");
                    out.append("error: ").append(k >= 0 && end > k ? m.substring(k + 1, end) : m).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Splits on semicolons outside quotes (the scripts here have no semicolons in literals or comments). */
    private static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String render(List<Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object o : row) {
            if (o == null) {
                sb.append("NULL");
            } else if (o instanceof byte[]) {
                sb.append("blob").append(((byte[]) o).length);
            } else {
                sb.append(o.getClass().getSimpleName()).append(':').append(o);
            }
            sb.append('|');
        }
        return sb.toString();
    }

    private static void same(String script) throws Exception {
        assertEquals(sqlite(script), skerry(script), script);
    }

    @Test
    void createInsertSelect() throws Exception {
        same("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c REAL, d);"
                + "INSERT INTO t(b, c, d) VALUES('x', 1, 1), ('y', 2.5, 'two'), ('z', NULL, x'00ff');"
                + "SELECT * FROM t;"
                + "SELECT a, b FROM t WHERE c > 1;"
                + "SELECT b, c * 2, a + 0.5 FROM t ORDER BY b DESC;"
                + "SELECT DISTINCT b > 'x' FROM t ORDER BY 1");
    }

    @Test
    void updateDeleteAndChanges() throws Exception {
        same("CREATE TABLE t(a, b);"
                + "INSERT INTO t VALUES(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');"
                + "UPDATE t SET b = b || '!' WHERE a % 2 = 0;"
                + "SELECT * FROM t;"
                + "DELETE FROM t WHERE a > 2;"
                + "SELECT * FROM t;"
                + "DELETE FROM t;"
                + "SELECT * FROM t");
    }

    @Test
    void indexesAndLookups() throws Exception {
        same("CREATE TABLE t(a, b, c);"
                + "CREATE INDEX tb ON t(b);"
                + "CREATE UNIQUE INDEX tc ON t(c);"
                + "INSERT INTO t VALUES(1, 'x', 10), (2, 'y', 20), (3, 'x', 30);"
                + "SELECT a FROM t WHERE b = 'x' ORDER BY a;"
                + "SELECT a FROM t WHERE c >= 20;"
                + "INSERT INTO t VALUES(4, 'z', 20);"
                + "SELECT * FROM t");
    }

    @Test
    void transactionsAndErrors() throws Exception {
        same("CREATE TABLE t(a NOT NULL);"
                + "BEGIN;"
                + "INSERT INTO t VALUES(1);"
                + "INSERT INTO t VALUES(NULL);"
                + "INSERT INTO t VALUES(2);"
                + "COMMIT;"
                + "SELECT * FROM t;"
                + "BEGIN;"
                + "INSERT INTO t VALUES(3);"
                + "ROLLBACK;"
                + "SELECT * FROM t;"
                + "COMMIT;"
                + "SELECT * FROM nosuch;"
                + "BEGIN;"
                + "CREATE TABLE x(a);"
                + "INSERT INTO x VALUES(1);"
                + "ROLLBACK;"
                + "SELECT * FROM x;"
                + "CREATE TABLE x(b, c);"
                + "INSERT INTO x VALUES(1, 2);"
                + "SELECT * FROM x");
    }

    @Test
    void aggregatesGroupByAndFunctions() throws Exception {
        same("CREATE TABLE t(k, v);"
                + "INSERT INTO t VALUES('a', 1), ('b', 2), ('a', 3), ('c', NULL), ('b', 5), ('A', 2.5);"
                + "SELECT k, count(*), sum(v), max(v), group_concat(v) FROM t GROUP BY k;"
                + "SELECT count(*), avg(v), min(v), total(v) FROM t;"
                + "SELECT k FROM t GROUP BY k HAVING count(*) > 1;"
                + "SELECT upper(k), typeof(v), abs(v) FROM t ORDER BY 1, 2;"
                + "SELECT upper(k), count(*) FROM t GROUP BY k COLLATE NOCASE ORDER BY 2 DESC, 1");
    }

    @Test
    void conflictClausesKeepOrUndoRowsAsSqlite() throws Exception {
        same("CREATE TABLE t(a PRIMARY KEY, b NOT NULL);"
                + "INSERT INTO t VALUES(1, 'x');"
                + "INSERT OR FAIL INTO t VALUES(2, 'y'), (1, 'dup'), (3, 'z');"
                + "SELECT * FROM t;"
                + "INSERT OR ABORT INTO t VALUES(4, 'w'), (1, 'dup');"
                + "SELECT * FROM t;"
                + "INSERT OR IGNORE INTO t VALUES(5, 'v'), (1, 'dup');"
                + "INSERT OR REPLACE INTO t VALUES(1, 'new');"
                + "SELECT * FROM t;"
                + "BEGIN;"
                + "INSERT INTO t VALUES(6, 'u');"
                + "INSERT OR ROLLBACK INTO t VALUES(1, 'dup');"
                + "SELECT * FROM t;"
                + "COMMIT");
    }

    @Test
    void subqueriesJoinsCompoundsAndLimits() throws Exception {
        same("CREATE TABLE a(id INTEGER PRIMARY KEY, x, y TEXT);"
                + "CREATE TABLE b(id INTEGER PRIMARY KEY, aid, z);"
                + "CREATE INDEX bz ON b(aid);"
                + "INSERT INTO a(x, y) VALUES(3, 'c'), (1, 'a'), (2, 'b'), (NULL, 'n'), (2, 'B');"
                + "INSERT INTO b(aid, z) VALUES(1, 10), (1, 11), (3, 30), (9, 90);"
                + "SELECT a.y, b.z FROM a JOIN b ON b.aid = a.id ORDER BY b.z;"
                + "SELECT a.y, b.z FROM a LEFT JOIN b ON b.aid = a.id ORDER BY a.id, b.z;"
                + "SELECT y FROM a WHERE id IN (SELECT aid FROM b) ORDER BY y;"
                + "SELECT y FROM a WHERE x IN (1, 2) ORDER BY y;"
                + "SELECT y FROM a WHERE x NOT IN (1, 2) ORDER BY y;"
                + "SELECT DISTINCT x FROM a ORDER BY x;"
                + "SELECT y FROM a ORDER BY y LIMIT 2 OFFSET 1;"
                + "SELECT x FROM a UNION SELECT aid FROM b ORDER BY 1;"
                + "SELECT x FROM a UNION ALL SELECT aid FROM b ORDER BY 1;"
                + "SELECT x FROM a EXCEPT SELECT aid FROM b ORDER BY 1;"
                + "SELECT x FROM a INTERSECT SELECT aid FROM b;"
                + "SELECT (SELECT max(z) FROM b WHERE b.aid = a.id) FROM a ORDER BY id;"
                + "SELECT y, EXISTS (SELECT 1 FROM b WHERE b.aid = a.id) FROM a ORDER BY id;"
                + "SELECT * FROM (SELECT x, y FROM a WHERE x > 1) ORDER BY y DESC;"
                + "SELECT id FROM a WHERE id BETWEEN 2 AND 4 ORDER BY id DESC;"
                + "SELECT aid, count(*) FROM b GROUP BY aid ORDER BY aid DESC;"
                + "UPDATE b SET z = z + 1 WHERE aid = 1;"
                + "SELECT * FROM b;"
                + "DELETE FROM b WHERE aid IN (SELECT id FROM a WHERE y = 'c');"
                + "SELECT * FROM b");
    }

    @Test
    void seeksOnRowidsAndIndexesWithMixedTypes() throws Exception {
        same("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT COLLATE NOCASE, c NUMERIC, d BLOB);"
                + "CREATE INDEX tb ON t(b);"
                + "CREATE INDEX tc ON t(c DESC);"
                + "INSERT INTO t VALUES(-5, 'Apple', '10', x'01'), (1, 'apple', 2.5, 'text'), (2, 'BANANA', NULL, 3),"
                + " (3, NULL, 'abc', NULL), (9223372036854775807, 'cherry', 9223372036854775807, x''),"
                + " (-9223372036854775808, 'date', -1e300, 1.5);"
                + "SELECT a FROM t WHERE a > 2.5 ORDER BY a;"
                + "SELECT a FROM t WHERE a >= -5.5 AND a < 3 ORDER BY a DESC;"
                + "SELECT a FROM t WHERE a = '2';"
                + "SELECT a FROM t WHERE a > 9223372036854775806;"
                + "SELECT a FROM t WHERE a < -9.3e18;"
                + "SELECT a, b FROM t WHERE b = 'APPLE' ORDER BY a;"
                + "SELECT a FROM t WHERE b > 'b' ORDER BY b, a;"
                + "SELECT a, c FROM t WHERE c > 2 ORDER BY c DESC;"
                + "SELECT a, c FROM t WHERE c = 10;"
                + "SELECT a, c FROM t WHERE c IS NULL;"
                + "SELECT a FROM t ORDER BY d, a;"
                + "SELECT a FROM t ORDER BY b DESC, a;"
                + "SELECT max(a), min(a), max(b), min(c) FROM t;"
                + "SELECT typeof(c), c FROM t ORDER BY a");
    }

    @Test
    void sortingLimitsReturningAndUpsert() throws Exception {
        same("CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT UNIQUE, v);"
                + "INSERT INTO t(k, v) VALUES('a', 3), ('b', NULL), ('c', 1), ('d', 'x'), ('e', 2.5), ('f', x'00');"
                + "SELECT k FROM t ORDER BY v DESC, k LIMIT 3 OFFSET 1;"
                + "SELECT k, v FROM t ORDER BY v, k;"
                + "SELECT CASE WHEN v > 2 THEN 'big' WHEN v IS NULL THEN 'none' ELSE 'small' END, k FROM t ORDER BY k;"
                + "SELECT k FROM t WHERE k LIKE '%b%' OR v BETWEEN 1 AND 3 ORDER BY 1;"
                + "INSERT INTO t(k, v) VALUES('g', 7) RETURNING id, k, v * 2;"
                + "INSERT INTO t(k, v) VALUES('a', 100) ON CONFLICT(k) DO UPDATE SET v = excluded.v + 1;"
                + "UPDATE t SET v = 0 WHERE k IN ('b', 'c') RETURNING k, v;"
                + "DELETE FROM t WHERE v = 0 RETURNING k;"
                + "SELECT id, k, v FROM t ORDER BY id");
    }
}
