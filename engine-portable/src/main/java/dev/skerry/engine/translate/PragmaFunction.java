package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * {@code pragma_NAME(arg, schema)}: a pragma that answers with rows, as a table-valued function (SQLite's
 * eponymous pragma virtual tables, https://sqlite.org/pragma.html#pragfunc). Its columns are the pragma's
 * result columns, then the hidden {@code arg} and {@code schema} columns when the pragma takes them
 * ({@link PragmaRows.Def}); the function's arguments, or equalities on those hidden columns, give their
 * values. As SQLite runs {@code PRAGMA schema.NAME=arg} when the scan starts, the rows are computed when the
 * loop starts (so the argument may come from an outer table: {@code FROM sqlite_schema s,
 * pragma_table_info(s.name)}), by {@link PragmaRows}, the computation the PRAGMA statement uses. {@code arg}
 * reads as text; a schema other than {@code main} (or {@code temp}, which holds no table in Skerry) is an
 * error.
 *
 * <p>Row {@code k} of the scan is fetched by functions of (arg, schema, k) that compute the pragma's rows
 * again; pragma row sets are small (a table's columns, the function list), so the scan holds no state
 * outside its registers. Registers: a block (arg, schema, k) set by {@link #first}, which {@link #next} advances.
 */
final class PragmaFunction implements TableFunction {
    private static final String PREFIX = "pragma_";
    private final PragmaRows.Def def;
    private final PragmaRows rows;
    private final String[] columns;
    /** The (arg, schema, k) block of the scan, allocated by {@link #first}. */
    private int block;

    private PragmaFunction(PragmaRows.Def def, PragmaRows rows) {
        this.def = def;
        this.rows = rows;
        int n = def.columns.length;
        columns = new String[n + (def.arg ? 1 : 0) + (def.schema ? 1 : 0)];
        System.arraycopy(def.columns, 0, columns, 0, n);
        if (def.arg) {
            columns[n++] = "arg";
        }
        if (def.schema) {
            columns[n] = "schema";
        }
    }

    /** The function {@code pragma_NAME} (ASCII case ignored) for a pragma with rows, or null. */
    static PragmaFunction find(String name, Parse p) {
        if (name.length() <= PREFIX.length() || !Names.equal(name.substring(0, PREFIX.length()), PREFIX)) {
            return null;
        }
        PragmaRows.Def d = PragmaRows.find(name.substring(PREFIX.length()));
        return d == null ? null : new PragmaFunction(d, new PragmaRows(p.schema, p.pragmas, p.functions));
    }

    @Override
    public String[] columns() {
        return columns;
    }

    @Override
    public int visibleColumns() {
        return def.columns.length;
    }

    @Override
    public void first(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int empty)
            throws SqliteException {
        block = p.regs(3);
        int k = 0;
        if (def.arg) {
            copy(p, args[k++], block);
        } else {
            p.v.addOp(Opcode.NULL, 0, block);
        }
        if (def.schema) {
            copy(p, args[k], block + 1);
        } else {
            p.v.addOp(Opcode.NULL, 0, block + 1);
        }
        p.v.addOp(Opcode.INTEGER, 0, block + 2);
        fetch(p, row, empty, false);
    }

    @Override
    public void next(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int more) {
        p.v.addOp(Opcode.ADD_IMM, block + 2, 1);
        fetch(p, row, more, true);
    }

    private static void copy(Parse p, int from, int to) {
        if (from != 0) {
            p.v.addOp(Opcode.SCOPY, from, to);
        } else {
            p.v.addOp(Opcode.NULL, 0, to);
        }
    }

    /**
     * Loads row k into {@code row..}: jumps to {@code target} when there is none ({@code jumpIfRow} false) or
     * when there is one ({@code jumpIfRow} true).
     */
    private void fetch(Parse p, int row, int target, boolean jumpIfRow) {
        int exists = p.reg();
        call(p, -1, exists);
        int skip = 0;
        if (jumpIfRow) {
            skip = p.v.addOp(Opcode.IS_NULL, exists, 0);
        } else {
            p.v.addOp(Opcode.IS_NULL, exists, target);
        }
        for (int c = 0; c < def.columns.length; c++) {
            call(p, c, row + c);
        }
        int n = def.columns.length;
        if (def.arg) {
            call(p, -2, row + n++);
        }
        if (def.schema) {
            p.v.addOp(Opcode.SCOPY, block + 1, row + n);
        }
        if (jumpIfRow) {
            p.v.addOp(Opcode.GOTO, 0, target);
            p.v.jumpHere(skip);
        }
    }

    /** Column {@code c} of row k into {@code target}; c = -1: 1 when row k exists, else NULL; c = -2: arg as text. */
    private void call(Parse p, int c, int target) {
        FunctionDef f = FunctionDef.scalar(PREFIX + def.name, 3, false,
                (ctx, r, base, n, out) -> cell(r, base, c, out));
        p.v.addOp(Opcode.FUNCTION, 0, block, target, f, 3);
    }

    private void cell(Mem[] r, int base, int c, Mem out) throws SqliteException {
        String arg = r[base].isNull() ? null : Convert.toText(r[base]);
        if (c == -2) {
            if (arg == null) {
                out.setNull();
            } else {
                out.setText(arg);
            }
            return;
        }
        String schema = r[base + 1].isNull() ? null : Convert.toText(r[base + 1]);
        List<Object[]> all;
        int iDb = schema == null ? -1 : rows.findDatabase(schema);
        if (schema != null && iDb < 0) {
            throw SqliteException.error("unknown database '" + schema + "'");
        }
        all = rows.database(iDb).rows(def, arg);
        long k = r[base + 2].longValue();
        if (k >= all.size()) {
            out.setNull();
            return;
        }
        if (c == -1) {
            out.setLong(1);
            return;
        }
        Object v = all.get((int) k)[c];
        if (v == null) {
            out.setNull();
        } else if (v instanceof Long) {
            out.setLong((Long) v);
        } else if (v instanceof Double) {
            out.setDouble((Double) v);
        } else {
            out.setText((String) v);
        }
    }
}
