package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Generated columns ({@code AS (expr) VIRTUAL|STORED}) in the compiler, as SQLite's {@code insert.c}
 * ({@code sqlite3ComputeGeneratedColumns}) and {@code expr.c} ({@code sqlite3ExprCodeGeneratedColumn}) handle
 * them.
 *
 * <ul>
 *   <li>CREATE TABLE and ADD COLUMN check the expressions ({@link #check}): only this table's columns,
 *       unqualified; no subquery, parameter, aggregate or window function, no non-deterministic function;
 *       no column that depends on itself ({@code generated column loop on "x"}).</li>
 *   <li>Writing a row ({@link #compute}): once the other columns' values are in their registers and their
 *       affinities applied, each generated column is computed into its register, those it uses first, then
 *       given its column's affinity (TEXT, NUMERIC, INTEGER or REAL; none for BLOB).</li>
 *   <li>Reading a row: a STORED column is a field of the record ({@link Table#storageField}); a VIRTUAL one is
 *       computed from the row's other columns where it is read ({@link #loadVirtual}), NULL on a LEFT JOIN's
 *       null row.</li>
 * </ul>
 */
final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /** Checks the generated columns of a table being created (expressions written in {@code p.sql}). */
    static void check(Parse p, Table table) throws SqliteException {
        for (int i = 0; i < table.columnCount(); i++) {
            Column c = table.column(i);
            if (c.isGenerated()) {
                SelfReference.resolve(p, table, c.generated(), SelfReference.GENERATED);
            }
        }
        boolean[] busy = new boolean[table.columnCount()];
        boolean[] done = new boolean[table.columnCount()];
        for (int i = table.columnCount() - 1; i >= 0; i--) {
            if (table.column(i).isGenerated()) {
                visit(table, i, busy, done);
            }
        }
    }

    /** Depth-first through the generated columns column {@code i} uses: one met again while busy is a loop. */
    private static void visit(Table table, int i, boolean[] busy, boolean[] done) throws SqliteException {
        if (done[i]) {
            return;
        }
        if (busy[i]) {
            throw SqliteException.error("generated column loop on \"" + table.column(i).name() + "\"");
        }
        busy[i] = true;
        for (int u : uses(table, table.column(i).generated())) {
            if (table.column(u).isGenerated()) {
                visit(table, u, busy, done);
            }
        }
        busy[i] = false;
        done[i] = true;
    }

    /** The columns of {@code table} that {@code e} names, in the order written (repeats included). */
    private static int[] uses(Table table, Expr e) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        collect(table, e, out);
        int[] a = new int[out.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = out.get(k);
        }
        return a;
    }

    private static void collect(Table table, Expr e, java.util.List<Integer> out) {
        if (e instanceof Expr.ColumnRef) {
            int c = table.findColumn(((Expr.ColumnRef) e).column().text());
            if (c >= 0) {
                out.add(c);
            }
            return;
        }
        for (Expr child : Exprs.children(e)) {
            collect(table, child, out);
        }
    }

    /**
     * Computes the generated columns of the row in registers {@code newRegs + i} (rowid in {@code rowidReg}):
     * first the affinities of all columns, then each generated column after those it uses.
     */
    static void compute(Parse p, ExprCoder ex, Table table, int newRegs, int rowidReg) throws SqliteException {
        int n = table.columnCount();
        StringBuilder aff = new StringBuilder();
        for (int i = 0; i < n; i++) {
            aff.append(table.column(i).isGenerated() ? Affinity.BLOB : table.column(i).affinity());
        }
        p.v.addOp(Opcode.AFFINITY, newRegs, n, 0, aff.toString());
        StrictCoder.typeCheck(p, table, newRegs);
        Scope scope = p.rootScope();
        Source row = new Source(table, table.name(), -1);
        int[] regs = new int[n];
        for (int i = 0; i < n; i++) {
            regs[i] = newRegs + i;
        }
        row.readFromRegisters(regs, rowidReg);
        scope.add(row);
        boolean[] waiting = new boolean[n];
        int left = 0;
        for (int i = 0; i < n; i++) {
            waiting[i] = table.column(i).isGenerated();
            left += waiting[i] ? 1 : 0;
        }
        String saved = p.sql;
        p.sql = table.sql();
        try {
            while (left > 0) {
                int progress = 0;
                int last = -1;
                for (int i = 0; i < n; i++) {
                    if (!waiting[i]) {
                        continue;
                    }
                    boolean ready = true;
                    for (int u : uses(table, table.column(i).generated())) {
                        ready &= !waiting[u];
                    }
                    if (!ready) {
                        last = i;
                        continue;
                    }
                    codeValue(p, ex, table.column(i), scope, newRegs + i);
                    waiting[i] = false;
                    left--;
                    progress++;
                }
                if (progress == 0) {
                    throw SqliteException.error("generated column loop on \"" + table.column(last).name() + "\"");
                }
            }
        } finally {
            p.sql = saved;
        }
    }

    /** The value of generated column {@code c} with its affinity, into {@code target}. */
    private static void codeValue(Parse p, ExprCoder ex, Column c, Scope scope, int target) throws SqliteException {
        int was = ex.pureSite(Opcode.PURE_GENCOL);
        try {
            ex.codeTo(c.generated(), scope, target);
        } finally {
            ex.pureSite(was);
        }
        if (c.affinity() != Affinity.BLOB) {
            p.v.addOp(Opcode.AFFINITY, target, 1, 0, String.valueOf(c.affinity()));
        }
    }

    /**
     * Computes VIRTUAL column {@code column} of the row source {@code s} reads through its cursor into
     * {@code target} (NULL when the cursor is on its null row).
     */
    static void loadVirtual(Parse p, Source s, int column, int target) throws SqliteException {
        Column c = s.table.column(column);
        if (s.computing == null) {
            s.computing = new boolean[s.columnCount()];
        }
        if (s.computing[column]) {
            throw SqliteException.error("generated column loop on \"" + c.name() + "\"");
        }
        s.computing[column] = true;
        String saved = p.sql;
        p.sql = s.table.sql();
        try {
            int skip = p.label();
            p.v.addOp(Opcode.IF_NULL_ROW, s.cursor, skip, target);
            Scope scope = new Scope(null, p.schema);
            scope.add(s);
            codeValue(p, new ExprCoder(p, null), c, scope, target);
            p.resolve(skip);
        } finally {
            p.sql = saved;
            s.computing[column] = false;
        }
    }

    /**
     * Puts column {@code i} of the row {@code cursor} (a cursor on {@code table}) is on into {@code target}: its
     * record field, the rowid for the INTEGER PRIMARY KEY, or the computed value of a VIRTUAL column.
     */
    static void column(Parse p, Table table, int cursor, int i, int target) throws SqliteException {
        if (i == table.rowidAlias()) {
            p.v.addOp(Opcode.ROWID, cursor, target);
        } else if (table.column(i).isVirtual()) {
            loadVirtual(p, new Source(table, table.name(), cursor), i, target);
        } else {
            p.v.addOp(Opcode.COLUMN, cursor, table.storageField(i), target, ColumnDefault.of(table.column(i)));
        }
    }

    /**
     * ALTER TABLE ADD COLUMN of a VIRTUAL column with NOT NULL or CHECK constraints, or of any column with a
     * CHECK constraint (its DEFAULT already stored in the rows): as SQLite (which runs a
     * quick_check of the table after the change), every existing row is read as {@code changed} (the table
     * with the column) and one whose new column is NULL halts with {@code NOT NULL constraint failed}, one
     * failing a CHECK constraint with {@code CHECK constraint failed} (SQLITE_ERROR both).
     */
    static void checkRows(Parse p, Table changed, int column) throws SqliteException {
        int cur = p.cursor();
        int done = p.label();
        p.v.addOp(Opcode.OPEN_READ, cur, changed.rootPage(), 0, changed.withoutRowid() ? KeyInfos.table(changed) : (Object) changed.storedColumnCount());
        p.v.addOp(Opcode.REWIND, cur, done);
        int top = p.v.currentAddress();
        Source row = new Source(changed, changed.name(), cur);
        if (changed.column(column).notNull()) {
            int value = p.reg();
            row.load(p, column, value);
            int ok = p.v.addOp(Opcode.NOT_NULL, value, 0);
            p.v.addOp(Opcode.HALT, dev.skerry.engine.ResultCode.SQLITE_ERROR, Opcode.OE_ABORT, 0,
                    "NOT NULL constraint failed");
            p.v.jumpHere(ok);
        }
        Scope scope = new Scope(null, p.schema);
        scope.add(row);
        ExprCoder ex = new ExprCoder(p, null);
        String saved = p.sql;
        p.sql = changed.sql();
        try {
            for (dev.skerry.engine.schema.CheckConstraint check : changed.checks()) {
                int ok = p.label();
                ex.pureSite(Opcode.PURE_CHECK);
                ex.jumpIfTrue(check.expr(), scope, ok, true);
                p.v.addOp(Opcode.HALT, dev.skerry.engine.ResultCode.SQLITE_ERROR, Opcode.OE_ABORT, 0,
                        "CHECK constraint failed");
                p.resolve(ok);
            }
        } finally {
            p.sql = saved;
        }
        p.v.addOp(Opcode.NEXT, cur, top);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cur);
    }

    /**
     * The first of the registers holding the record of the row in {@code newRegs + i}: {@code newRegs} itself,
     * or, when the table has VIRTUAL columns, a copy of the stored columns in a block of their own.
     */
    static int recordRegisters(Parse p, Table table, int newRegs) {
        if (!table.hasVirtual() && !table.withoutRowid()) {
            return newRegs;
        }
        int base = p.regs(table.storedColumnCount());
        for (int i = 0; i < table.columnCount(); i++) {
            int f = table.storageField(i);
            if (f >= 0) {
                p.v.addOp(Opcode.SCOPY, newRegs + i, base + f);
            }
        }
        return base;
    }
}
