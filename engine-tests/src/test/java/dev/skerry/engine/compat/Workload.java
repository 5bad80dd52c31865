package dev.skerry.engine.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shapes every compatibility test builds, as SQL run identically on either engine: a table {@code t} with
 * values of every storage class (text and blobs that overflow at the page size), indexes on one column, on
 * two columns (one DESC), a UNIQUE index on a text column whose keys overflow too and an index on a column
 * without affinity (mixed types); a table {@code u} with a TEXT PRIMARY KEY (automatic index) and a NOCASE
 * index. Rows are inserted in random key order (splits everywhere in the trees), then updated, most deleted
 * (the freelist fills) and more inserted (the freelist is reused). Deterministic for a seed.
 *
 * <p>Each phase is called once, in order ({@link #createSchema}, {@link #fill}, {@link #churn}), on a fresh
 * instance per engine; {@link #queries()} then gives the queries whose answers the tests compare.
 */
final class Workload {
    /** One query with its parameters. */
    static final class Query {
        final String sql;
        final Object[] params;

        Query(String sql, Object... params) {
            this.sql = sql;
            this.params = params;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(sql);
            for (Object p : params) {
                sb.append(" | ").append(Rows.show(p));
            }
            return sb.toString();
        }
    }

    private static final int BATCH = 400;
    private static final String POOL = "abcdefXYZ éü€中文 0123456789";
    private static final String[] WORDS = {"alpha", "Alpha", "ALPHA", "beta", "Beta", "gamma", "delta", "Delta", "é", "É"};

    private final Random random;
    private final int pageSize;
    private final int rows;
    private final List<String> cValues = new ArrayList<>();
    private final List<String> uKeys = new ArrayList<>();
    private long nextId;

    Workload(long seed, int pageSize, int rows) {
        this.random = new Random(seed);
        this.pageSize = pageSize;
        this.rows = rows;
    }

    /** Tables and the indexes that exist before the rows. */
    void createSchema(Db db) throws Exception {
        db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b REAL, c TEXT, d BLOB, e)");
        db.exec("CREATE INDEX t_a ON t(a)");
        db.exec("CREATE UNIQUE INDEX t_c ON t(c)");
        db.exec("CREATE INDEX t_e ON t(e)");
        db.exec("CREATE TABLE u(k TEXT PRIMARY KEY, v INTEGER, w TEXT COLLATE NOCASE)");
        db.exec("CREATE INDEX u_w ON u(w, v)");
    }

    /** Inserts the rows in random key order, then builds one index over the filled table. */
    void fill(Db db) throws Exception {
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = 3L * i + 1;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long x = ids[i];
            ids[i] = ids[j];
            ids[j] = x;
        }
        nextId = 3L * rows + 1;
        batched(db, rows, i -> insertT(db, ids[i]));
        db.exec("CREATE INDEX t_ab ON t(a, b DESC)");
        batched(db, rows / 4, i -> insertU(db));
    }

    /** Updates, deletes of most rows, then inserts that reuse the freed pages. */
    void churn(Db db) throws Exception {
        db.exec("BEGIN");
        db.exec("UPDATE t SET a = a + 1, e = ? WHERE id % 7 = ?", text(5), (long) random.nextInt(7));
        db.exec("UPDATE t SET c = c || ? WHERE id % 11 = 3", text(pageSize / 3));
        db.exec("UPDATE u SET w = upper(w), v = v * 2 WHERE v % 3 = 0");
        db.exec("COMMIT");
        db.exec("DELETE FROM t WHERE (id * 7919) % 10 < 7");
        db.exec("DELETE FROM u WHERE v % 5 < 3");
        int more = rows / 5;
        batched(db, more, i -> insertT(db, i % 3 == 0 ? 3L * i + 2 : nextId++));
        batched(db, rows / 20, i -> insertU(db));
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void batched(Db db, int n, Step step) throws Exception {
        for (int i = 0; i < n; i += BATCH) {
            db.exec("BEGIN");
            for (int k = i; k < Math.min(n, i + BATCH); k++) {
                step.run(k);
            }
            db.exec("COMMIT");
        }
    }

    private void insertT(Db db, long id) throws Exception {
        Long a = random.nextInt(12) == 0 ? null
                : random.nextInt(9) == 0 ? random.nextLong() : (long) (random.nextInt(1000) - 500);
        Object b = random.nextInt(15) == 0 ? null
                : random.nextInt(5) == 0 ? (Object) (double) random.nextInt(100) : random.nextGaussian() * 1e4;
        int clen = random.nextInt(70) == 0 ? pageSize + random.nextInt(pageSize / 2) : random.nextInt(40);
        String c = random.nextInt(25) == 0 ? null : "k" + id + "-" + text(clen);
        if (c != null) {
            cValues.add(c);
        }
        byte[] d = null;
        if (random.nextInt(3) != 0) {
            d = new byte[random.nextInt(60) == 0 ? pageSize + random.nextInt(pageSize) : random.nextInt(24)];
            random.nextBytes(d);
        }
        db.exec("INSERT INTO t(id, a, b, c, d, e) VALUES (?, ?, ?, ?, ?, ?)", id, a, b, c, d, mixed());
    }

    private void insertU(Db db) throws Exception {
        String k = "u" + Long.toHexString(random.nextLong());
        uKeys.add(k);
        db.exec("INSERT INTO u(k, v, w) VALUES (?, ?, ?)", k, (long) random.nextInt(1000),
                WORDS[random.nextInt(WORDS.length)] + random.nextInt(4));
    }

    /** A value of a random storage class, for the column without affinity. */
    private Object mixed() {
        switch (random.nextInt(6)) {
            case 0: return null;
            case 1: return (long) random.nextInt(200) - 100;
            case 2: return random.nextInt(50) / 4.0;
            case 3: return text(random.nextInt(12));
            case 4: {
                byte[] b = new byte[random.nextInt(6)];
                random.nextBytes(b);
                return b;
            }
            default: return String.valueOf(random.nextInt(100));
        }
    }

    private String text(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(POOL.charAt(random.nextInt(POOL.length())));
        }
        return sb.toString();
    }

    /** The queries compared between engines: full scans, index-driven ranges and lookups, aggregates. */
    List<Query> queries() {
        Random q = new Random(rows * 31L + pageSize);
        List<Query> out = new ArrayList<>();
        out.add(new Query("SELECT id, a, b, c, d, e, typeof(a), typeof(b), typeof(e) FROM t ORDER BY id"));
        out.add(new Query("SELECT rowid, k, v, w FROM u ORDER BY rowid"));
        out.add(new Query("SELECT count(*), sum(a % 1000), sum(CAST(b * 1000 AS INTEGER)), min(c), max(c),"
                + " sum(length(d)), count(e), max(id), min(id) FROM t"));
        out.add(new Query("SELECT a, count(*), sum(id), max(length(c)) FROM t GROUP BY a ORDER BY a"));
        out.add(new Query("SELECT count(*), sum(v), min(k), max(k) FROM u"));
        for (int i = 0; i < 4; i++) {
            long lo = q.nextInt(1000) - 500;
            out.add(new Query("SELECT a, id FROM t WHERE a BETWEEN ? AND ? ORDER BY a, id", lo, lo + q.nextInt(60)));
            out.add(new Query("SELECT a, b, id FROM t WHERE a = ? ORDER BY a, b DESC, id", lo));
        }
        out.add(new Query("SELECT a, b FROM t WHERE a > ? ORDER BY a, b DESC", 400L));
        out.add(new Query("SELECT e, typeof(e), id FROM t WHERE e >= ? ORDER BY e, id", -1e18));
        out.add(new Query("SELECT e, id FROM t WHERE e >= ? AND e < ? ORDER BY e, id", "a", "c"));
        for (int i = 0; i < 12 && !cValues.isEmpty(); i++) {
            out.add(new Query("SELECT id, length(c), a FROM t WHERE c = ?", cValues.get(q.nextInt(cValues.size()))));
        }
        out.add(new Query("SELECT c FROM t WHERE c > ? ORDER BY c LIMIT 300", "k5"));
        out.add(new Query("SELECT count(*) FROM t WHERE c >= ? AND c < ?", "k1", "k2"));
        for (int i = 0; i < 3 && !uKeys.isEmpty(); i++) {
            String k = uKeys.get(q.nextInt(uKeys.size()));
            out.add(new Query("SELECT k, v, w FROM u WHERE k >= ? ORDER BY k LIMIT 50", k));
        }
        out.add(new Query("SELECT w, v, k FROM u WHERE w = ? ORDER BY w, v, k", "ALPHA1"));
        out.add(new Query("SELECT lower(w), count(*), sum(v) FROM u GROUP BY w ORDER BY w"));
        return out;
    }
}
