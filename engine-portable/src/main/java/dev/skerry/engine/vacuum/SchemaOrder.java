package dev.skerry.engine.vacuum;

import dev.skerry.engine.btree.PageImage;
import dev.skerry.engine.btree.TreeLoader;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;
import java.util.ArrayList;
import java.util.List;

/**
 * The new {@code sqlite_schema} of a vacuumed database and the b-trees to copy, in the order SQLite's VACUUM
 * makes them (it runs the database's CREATE statements in a new file, then copies rows, then the other
 * schema rows):
 * <ol>
 *   <li>each table with storage but {@code sqlite_sequence} and a CREATE statement, in {@code sqlite_schema}
 *       order: its root page, then its automatic indexes ({@code sql} NULL), then, after the first
 *       AUTOINCREMENT table, {@code sqlite_sequence} (dropped when no AUTOINCREMENT table is left);</li>
 *   <li>each index with a CREATE statement, in {@code sqlite_schema} order;</li>
 *   <li>views, triggers and virtual tables (root page 0), copied as they are.</li>
 * </ol>
 * Root pages are allocated in that order and the rows get rowids 1, 2, … (so root numbers match SQLite's
 * as long as the schema fits page 1). A job copies source root {@code source(j)} into new root
 * {@code target(j)} (source 0: a new empty {@code sqlite_sequence}).
 */
final class SchemaOrder {
    private static final String SEQUENCE = "sqlite_sequence";
    private static final String SEQUENCE_SQL = "CREATE TABLE sqlite_sequence(name,seq)";

    private final List<SchemaRow> rows;
    private final VacuumPlan plan;
    private final boolean renumber;
    private final List<int[]> jobs = new ArrayList<>();
    private final List<Boolean> renumbered = new ArrayList<>();
    private boolean hasTable;
    private long nextRowid = 1;

    SchemaOrder(List<SchemaRow> rows, VacuumPlan plan, boolean renumber) {
        this.rows = rows;
        this.plan = plan;
        this.renumber = renumber;
    }

    int jobCount() {
        return jobs.size();
    }

    int source(int j) {
        return jobs.get(j)[0];
    }

    int target(int j) {
        return jobs.get(j)[1];
    }

    boolean renumbers(int j) {
        return renumbered.get(j);
    }

    /** Whether the new file has a table (SQLite then sets its schema format number). */
    boolean hasTable() {
        return hasTable;
    }

    /** Allocates the root pages in {@code image} and appends the new schema rows to {@code schema}. */
    void build(PageImage image, TreeLoader schema) {
        SchemaRow sequence = null;
        for (SchemaRow r : rows) {
            if (isTable(r) && SEQUENCE.equals(r.name())) {
                sequence = r;
            }
        }
        boolean sequenceMade = false;
        for (SchemaRow r : rows) {
            if (!isTable(r) || SEQUENCE.equals(r.name()) || !isCreate(r.sql()) || zeroRoot(r)) {
                continue;
            }
            hasTable = true;
            copyTree(image, schema, r, renumber && plan.renumbers(r.name()));
            for (SchemaRow a : rows) {
                if ("index".equals(a.type()) && a.sql() == null && r.name().equalsIgnoreCase(a.tableName())) {
                    copyTree(image, schema, a, false);
                }
            }
            if (!sequenceMade && plan.autoincrement(r.name())) {
                sequenceMade = true;
                if (sequence != null) {
                    copyTree(image, schema, sequence, false);
                } else {
                    newSequence(image, schema);
                }
            }
        }
        for (SchemaRow r : rows) {
            if ("index".equals(r.type()) && isCreate(r.sql())) {
                copyTree(image, schema, r, false);
            }
        }
        for (SchemaRow r : rows) {
            if ("view".equals(r.type()) || "trigger".equals(r.type()) || (isTable(r) && zeroRoot(r))) {
                append(schema, r);
            }
        }
    }

    private static boolean isTable(SchemaRow r) {
        return "table".equals(r.type());
    }

    private static boolean zeroRoot(SchemaRow r) {
        Long root = r.root();
        return root != null && root <= 0;
    }

    /** SQLite's VACUUM runs only the rows whose sql starts with "CRE" (case sensitive). */
    private static boolean isCreate(String sql) {
        return sql != null && sql.startsWith("CRE");
    }

    private void copyTree(PageImage image, TreeLoader schema, SchemaRow r, boolean renumberRows) {
        int root = image.allocate();
        Long src = r.root();
        jobs.add(new int[] {src == null ? 0 : (int) (long) src, root});
        renumbered.add(renumberRows);
        append(schema, r.withRoot(root));
    }

    private void newSequence(PageImage image, TreeLoader schema) {
        int root = image.allocate();
        jobs.add(new int[] {0, root});
        renumbered.add(false);
        Mem[] v = new Mem[5];
        for (int i = 0; i < 5; i++) {
            v[i] = new Mem();
        }
        v[0].setText("table");
        v[1].setText(SEQUENCE);
        v[2].setText(SEQUENCE);
        v[3].setLong(root);
        v[4].setText(SEQUENCE_SQL);
        append(schema, new SchemaRow(v));
    }

    private void append(TreeLoader schema, SchemaRow r) {
        schema.addRow(nextRowid++, RecordWriter.encode(r.values, 0, r.values.length));
    }
}
