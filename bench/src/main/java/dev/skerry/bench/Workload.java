package dev.skerry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps W1–W7 of {@code workload.mjs}, timed one by one; returns step times and result checks. */
final class Workload {
    static final String CREATE_T = "CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER, c TEXT)";
    static final String INSERT_T = "INSERT INTO t(a, b, c) VALUES (?, ?, ?)";
    static final String INSERT_AUTO = "INSERT INTO t(b, c) VALUES (?, ?)";
    static final String POINT_SELECT = "SELECT b, c FROM t WHERE a = ?";
    static final String CREATE_INDEX = "CREATE INDEX t_b ON t(b)";
    static final String RANGE_SELECT = "SELECT a, c FROM t WHERE b BETWEEN ? AND ?";
    static final String SCAN = "SELECT count(*), sum(b), avg(length(c)) FROM t";
    static final String UPDATE = "UPDATE t SET b = ?, c = ? WHERE a = ?";
    static final String DELETE = "DELETE FROM t WHERE a = ?";
    static final String CREATE_DIM = "CREATE TABLE dim(id INTEGER PRIMARY KEY, name TEXT, grp INTEGER)";
    static final String INSERT_DIM = "INSERT INTO dim(id, name, grp) VALUES (?, ?, ?)";
    static final String JOIN = "SELECT d.grp, count(*) AS n, sum(t.b) AS sb, max(length(t.c)) AS mc "
            + "FROM t JOIN dim d ON d.id = t.b % 1000 GROUP BY d.grp ORDER BY sb DESC LIMIT 10";
    private static final Object[] NO_ARGS = new Object[0];

    /** Step name → milliseconds, in run order. */
    final Map<String, Double> steps = new LinkedHashMap<>();
    /** Check name → value; equal across engines when they computed the same results. */
    final Map<String, String> checks = new LinkedHashMap<>();

    private long started;

    private void start() {
        started = System.nanoTime();
    }

    private void stop(String step) {
        steps.put(step, (System.nanoTime() - started) / 1e6);
    }

    void run(Target db, WorkloadData data) throws Exception {
        db.exec(CREATE_T);
        start();
        db.exec("BEGIN");
        runAll(db, INSERT_T, data.rows);
        db.exec("COMMIT");
        stop("W1_insert_100k_tx");

        start();
        runAll(db, INSERT_AUTO, data.auto);
        stop("W2_insert_1k_autocommit");

        start();
        try (Target.PreparedStep st = db.prepare(POINT_SELECT)) {
            long sum = 0;
            int found = 0;
            for (Object[] key : data.point) {
                Object[] r = st.get(key);
                if (r != null) {
                    found++;
                    sum += ((Number) r[0]).longValue();
                }
            }
            checks.put("W3", found + "/" + sum);
        }
        stop("W3_point_select_50k");

        start();
        db.exec(CREATE_INDEX);
        stop("W4a_create_index");
        start();
        try (Target.PreparedStep st = db.prepare(RANGE_SELECT)) {
            long n = 0;
            for (Object[] r : data.range) {
                n += st.all(r).size();
            }
            checks.put("W4", Long.toString(n));
        }
        stop("W4b_range_select_10k");

        start();
        try (Target.PreparedStep st = db.prepare(SCAN)) {
            Object[] last = null;
            for (int i = 0; i < WorkloadData.N_SCAN; i++) {
                last = st.get(NO_ARGS);
            }
            checks.put("W5", ((Number) last[0]).longValue() + "/" + ((Number) last[1]).longValue() + "/"
                    + Math.round(((Number) last[2]).doubleValue() * 10000) / 10000.0);
        }
        stop("W5_scan_agg_100");

        start();
        db.exec("BEGIN");
        runAll(db, UPDATE, data.update);
        db.exec("COMMIT");
        stop("W6a_update_10k_tx");
        start();
        db.exec("BEGIN");
        runAll(db, DELETE, data.del);
        db.exec("COMMIT");
        stop("W6b_delete_10k_tx");

        db.exec(CREATE_DIM);
        db.exec("BEGIN");
        runAll(db, INSERT_DIM, data.dim);
        db.exec("COMMIT");
        start();
        try (Target.PreparedStep st = db.prepare(JOIN)) {
            List<Object[]> last = null;
            for (int i = 0; i < WorkloadData.N_JOIN; i++) {
                last = st.all(NO_ARGS);
            }
            Object[] top = last.get(0);
            checks.put("W7", last.size() + ":" + ((Number) top[0]).longValue() + "/" + ((Number) top[1]).longValue()
                    + "/" + ((Number) top[2]).longValue());
        }
        stop("W7_join_groupby_x10");
        try (Target.PreparedStep st = db.prepare("SELECT count(*) FROM t")) {
            checks.put("rows_final", Long.toString(((Number) st.get(NO_ARGS)[0]).longValue()));
        }
    }

    private static void runAll(Target db, String sql, Object[][] rows) throws Exception {
        try (Target.PreparedStep st = db.prepare(sql)) {
            for (Object[] r : rows) {
                st.run(r);
            }
        }
    }
}
