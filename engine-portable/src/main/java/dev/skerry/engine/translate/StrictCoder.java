package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.StrictTypes;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.TypeCheck;

/**
 * The type check of a row written into a STRICT table ({@code TypeCheck}), placed where SQLite's
 * {@code sqlite3TableAffinity} puts it: after the NOT NULL checks and the affinities, before the CHECK and
 * UNIQUE constraints; for a table with generated columns, before the generated columns are computed (which
 * are then not checked).
 */
final class StrictCoder {
    private StrictCoder() {
    }

    /** Emits the check of the row in registers {@code newRegs + i} (affinities applied), when the table is STRICT. */
    static void typeCheck(Parse p, Table table, int newRegs) {
        if (!table.strict()) {
            return;
        }
        int n = table.columnCount();
        String[] names = new String[n];
        int[] kinds = new int[n];
        String[] typeNames = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = table.column(i).name();
            String type = table.column(i).declaredType();
            typeNames[i] = type.toUpperCase(java.util.Locale.ROOT);
            boolean skip = table.column(i).isGenerated() || i == table.rowidAlias();
            kinds[i] = skip ? 0 : StrictTypes.kind(type);
        }
        p.v.addOp(Opcode.TYPE_CHECK, newRegs, n, 0, new TypeCheck(table.name(), names, kinds, typeNames));
    }

    /**
     * True when the constant DEFAULT {@code value} of a column of type {@code type} added to a STRICT table
     * does not have the column's type once the column's affinity is applied: SQLite's ALTER TABLE then fails
     * with {@code type mismatch on DEFAULT} if the table has rows (its quick_check of the table finds them).
     */
    static boolean defaultMismatch(Parse p, Expr value, String type) throws SqliteException {
        int kind = StrictTypes.kind(type);
        if (kind == 0 || kind == StrictTypes.ANY) {
            return false;
        }
        boolean negate = false;
        Expr x = value;
        while (x instanceof Expr.Unary) {
            negate ^= ((Expr.Unary) x).op() == Expr.UnaryOp.NEGATE;
            x = ((Expr.Unary) x).operand();
        }
        Mem m = new Mem();
        if (x instanceof Expr.Literal) {
            Object v = Literals.value((Expr.Literal) x, p.sql, negate);
            if (v == null) {
                return false;
            } else if (v instanceof Long) {
                m.setLong((Long) v);
            } else if (v instanceof Double) {
                m.setDouble((Double) v);
            } else if (v instanceof String) {
                m.setText((String) v);
            } else {
                m.setBlob((byte[]) v);
            }
        } else {
            m.setLong(1);
        }
        Affinity.apply(m, Affinity.fromDeclaredType(type));
        switch (kind) {
            case StrictTypes.INTEGER:
                return m.type() != Mem.INTEGER;
            case StrictTypes.REAL:
                return m.type() != Mem.INTEGER && m.type() != Mem.FLOAT;
            case StrictTypes.TEXT:
                return m.type() != Mem.TEXT;
            default:
                return m.type() != Mem.BLOB;
        }
    }
}
