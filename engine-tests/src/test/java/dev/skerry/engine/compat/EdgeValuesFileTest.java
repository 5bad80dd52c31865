package dev.skerry.engine.compat;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values at the edges of the record format and of the rowid, through files in both directions: integers at
 * every serial-type boundary (0 and 1 have their own serial types), negative and extreme rowids, REALs with
 * integral values in a REAL column (stored as integers by SQLite), infinities, empty text and blob,
 * and indexes with DESC columns and NOCASE/RTRIM collations queried in both orders.
 */
class EdgeValuesFileTest {
    private static final long[] INTEGERS = {0, 1, -1, 2, 127, 128, -128, -129, 32767, 32768, -32768, -32769,
        8388607, 8388608, -8388608, -8388609, 2147483647L, 2147483648L, -2147483648L, -2147483649L,
        140737488355327L, 140737488355328L, -140737488355328L, -140737488355329L, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final long[] ROWIDS = {Long.MIN_VALUE, -4_000_000_000L, -1, 0, 1, 255, 256, 65536,
        4_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final String[] QUERIES = {
        "SELECT rowid, i, typeof(i), r, typeof(r), s, x FROM v ORDER BY rowid",
        "SELECT rowid, i FROM v WHERE i > ? ORDER BY i DESC, rowid",
        "SELECT s, rowid FROM v ORDER BY s COLLATE NOCASE, rowid",
        "SELECT s, rowid FROM v WHERE s = 'abc' COLLATE NOCASE ORDER BY rowid",
        "SELECT s, rowid FROM v WHERE s = 'abc' COLLATE RTRIM ORDER BY rowid",
        "SELECT rowid FROM v WHERE rowid BETWEEN -5000000000 AND 300 ORDER BY rowid DESC",
        "SELECT r, rowid FROM v WHERE r IS NOT NULL ORDER BY r, rowid",
        "SELECT count(*), sum(i % 1000), max(i), min(i), max(rowid), min(rowid) FROM v",
    };
    private static final String[] SCHEMA = {
        "CREATE TABLE v(i INTEGER, r REAL, s TEXT, x BLOB)",
        "CREATE INDEX v_i ON v(i DESC)",
        "CREATE INDEX v_s ON v(s COLLATE NOCASE, i)",
        "CREATE INDEX v_rt ON v(s COLLATE RTRIM DESC)",
        "CREATE INDEX v_r ON v(r)",
    };

    @TempDir
    Path dir;

    private static void fill(Db db) throws Exception {
        for (String s : SCHEMA) {
            db.exec(s);
        }
        double[] reals = {0.0, 1.0, -1.5, 1e300, -1e-300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            4.9e-324, 9007199254740993.0, 123456789012.0};
        String[] texts = {"", "abc", "ABC", "abc  ", "Abc ", "é", "É", "a\u0000b", "zzz"};
        db.exec("BEGIN");
        for (int k = 0; k < ROWIDS.length + INTEGERS.length; k++) {
            long rowid = k < ROWIDS.length ? ROWIDS[k] : 1000 + k;
            long i = INTEGERS[k % INTEGERS.length];
            double r = reals[k % reals.length];
            db.exec("INSERT INTO v(rowid, i, r, s, x) VALUES (?, ?, ?, ?, ?)", rowid, i, r,
                    texts[k % texts.length], k % 4 == 0 ? new byte[0] : new byte[] {(byte) k, 0, (byte) -k});
        }
        db.exec("COMMIT");
    }

    private static List<List<List<Object>>> answers(Db db) throws Exception {
        List<List<List<Object>>> out = new ArrayList<>();
        for (String q : QUERIES) {
            out.add(q.contains("?") ? db.query(q, -129L) : db.query(q));
        }
        return out;
    }

    /**
     * SQLite stores an integral value of a REAL column as an integer (OP_MakeRecord), so -0.0 comes back as
     * 0.0; a column without affinity keeps -0.0. Integral values beyond 48 bits stay REAL in the record; all
     * read back as REAL, through the table, a covering index and RETURNING.
     */
    @Test
    void negativeZeroInARealColumnReadsAsZero() throws Exception {
        String[] queries = {"SELECT r, typeof(r), CAST(r AS TEXT), n, CAST(n AS TEXT) FROM z", "SELECT quote(r) FROM z",
            "SELECT r, typeof(r) FROM z WHERE r = 3", "SELECT r, typeof(r) FROM z WHERE r > 2 ORDER BY r",
            "INSERT INTO z VALUES (7.0, 7.0) RETURNING r, typeof(r), n, typeof(n)",
            "UPDATE z SET r = r + 1 WHERE r = 7 RETURNING r, typeof(r)", "SELECT r, typeof(r), n FROM z"};
        Path reference = dir.resolve("z-reference.db");
        List<List<List<Object>>> expected = new ArrayList<>();
        try (JdbcDb sqlite = new JdbcDb(reference)) {
            sqlite.exec("CREATE TABLE z(r REAL, n)");
            sqlite.exec("INSERT INTO z VALUES (?, ?)", -0.0, -0.0);
            sqlite.exec("CREATE INDEX z_r ON z(r)");
            sqlite.exec("INSERT INTO z VALUES (3.0, 3.0), (2.5, 2.5), (1e15, 1e15), (140737488355328.0, 1), (-5, -5), ('8', '8')");
            for (String q : queries) {
                expected.add(sqlite.query(q));
            }
        }
        Path file = dir.resolve("z.db");
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            skerry.exec("CREATE TABLE z(r REAL, n)");
            skerry.exec("INSERT INTO z VALUES (?, ?)", -0.0, -0.0);
            skerry.exec("CREATE INDEX z_r ON z(r)");
            skerry.exec("INSERT INTO z VALUES (3.0, 3.0), (2.5, 2.5), (1e15, 1e15), (140737488355328.0, 1), (-5, -5), ('8', '8')");
            for (int i = 0; i < queries.length; i++) {
                Rows.assertSame(expected.get(i), skerry.query(queries[i]), "Skerry: " + queries[i]);
            }
        }
    }

    @Test
    void edgeValuesWrittenBySqliteReadBySkerry() throws Exception {
        Path file = dir.resolve("sqlite.db");
        List<List<List<Object>>> expected;
        try (JdbcDb sqlite = new JdbcDb(file)) {
            sqlite.exec("PRAGMA page_size=512");
            fill(sqlite);
            expected = answers(sqlite);
        }
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            List<List<List<Object>>> got = answers(skerry);
            for (int i = 0; i < QUERIES.length; i++) {
                Rows.assertSame(expected.get(i), got.get(i), "Skerry on SQLite's file: " + QUERIES[i]);
            }
        }
    }

    @Test
    void edgeValuesWrittenBySkerryReadBySqlite() throws Exception {
        Path reference = dir.resolve("reference.db");
        List<List<List<Object>>> expected;
        try (JdbcDb sqlite = new JdbcDb(reference)) {
            fill(sqlite);
            expected = answers(sqlite);
        }
        Path file = dir.resolve("skerry.db");
        try (SkerryDb skerry = SkerryDb.createFile(file, 512)) {
            fill(skerry);
            List<List<List<Object>>> got = answers(skerry);
            for (int i = 0; i < QUERIES.length; i++) {
                Rows.assertSame(expected.get(i), got.get(i), "Skerry vs SQLite: " + QUERIES[i]);
            }
        }
        try (JdbcDb sqlite = new JdbcDb(file)) {
            FileRoundTrip.assertIntact(sqlite);
            List<List<List<Object>>> got = answers(sqlite);
            for (int i = 0; i < QUERIES.length; i++) {
                Rows.assertSame(expected.get(i), got.get(i), "SQLite on Skerry's file: " + QUERIES[i]);
            }
        }
    }
}
