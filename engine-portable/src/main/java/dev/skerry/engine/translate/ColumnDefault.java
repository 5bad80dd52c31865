package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Mem;

/**
 * The value a record too short to hold a column reads as (SQLite's {@code sqlite3ColumnDefault}, the P4 of
 * {@code Column}): the column's constant DEFAULT with the column's affinity, or NULL. SQLite's ALTER TABLE ADD
 * COLUMN leaves the existing records short, so a file it changed needs this to read the added column.
 */
final class ColumnDefault {
    private ColumnDefault() {
    }

    /** The default as a P4 constant (Long, Double, String, byte[]), or null for NULL. */
    static Object of(Column c) {
        Expr e = c.defaultValue();
        if (e == null || c.isGenerated()) {
            return null;
        }
        boolean negate = false;
        while (e instanceof Expr.Unary && (((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE
                || ((Expr.Unary) e).op() == Expr.UnaryOp.PLUS)) {
            negate ^= ((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE;
            e = ((Expr.Unary) e).operand();
        }
        Object v;
        if (e instanceof Expr.Literal) {
            try {
                v = Literals.value((Expr.Literal) e, "", negate);
            } catch (SqliteException | IllegalArgumentException ex) {
                return null;
            }
        } else if (e instanceof Expr.ColumnRef && ((Expr.ColumnRef) e).table() == null
                && (((Expr.ColumnRef) e).column().text().equalsIgnoreCase("true")
                || ((Expr.ColumnRef) e).column().text().equalsIgnoreCase("false"))) {
            v = ((Expr.ColumnRef) e).column().text().equalsIgnoreCase("true") ? 1L : 0L;
        } else {
            return null;
        }
        if (v == null) {
            return null;
        }
        Mem m = new Mem();
        if (v instanceof Long) {
            m.setLong((Long) v);
        } else if (v instanceof Double) {
            m.setDouble((Double) v);
        } else if (v instanceof String) {
            m.setText((String) v);
        } else {
            return v;
        }
        Affinity.apply(m, c.affinity());
        switch (m.type()) {
            case Mem.INTEGER: return m.longValue();
            case Mem.FLOAT: return m.doubleValue();
            case Mem.TEXT: return m.text();
            default: return m.blob();
        }
    }
}
