package dev.skerry.engine.translate;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;

/**
 * How one loop level reaches its rows (SQLite's {@code WhereLoop}): a full scan of the table, a seek of
 * the rowid (one row, or a range), or a seek of an index on equality constraints of its leading columns
 * optionally followed by a range on the next column.
 *
 * <p>{@link #eq}[k] constrains index column k (or the rowid for {@link #ROWID_EQ}); at most one of them may
 * be an IN list, which the loop walks value by value in ascending order; {@link #lower} and
 * {@link #upper} bound the column after the equalities (the rowid for {@link #ROWID_RANGE}). An index is
 * {@link #covering} when every column the query needs from this table is in it, so the table itself is not
 * read. {@link #estimatedRows} is the planner's guess used to compare plans (SQLite's defaults without
 * statistics: a table of about a million rows, ten rows per equality, a quarter per range bound).
 */
final class WherePlan {
    static final int FULL_SCAN = 0;
    static final int ROWID_EQ = 1;
    static final int ROWID_RANGE = 2;
    static final int INDEX = 3;

    /** A usable term: {@code column op value} where value needs only outer levels. */
    static final class Constraint {
        final WhereTerm term;
        final int column;
        final Expr.BinaryOp op;
        final Expr value;
        final char affinity;
        /** For {@code column IN (values)}: the values (op is EQ and {@link #value} the first); else null. */
        final java.util.List<Expr> inValues;

        Constraint(WhereTerm term, int column, Expr.BinaryOp op, Expr value, char affinity) {
            this(term, column, op, value, affinity, null);
        }

        Constraint(WhereTerm term, int column, Expr.BinaryOp op, Expr value, char affinity,
                java.util.List<Expr> inValues) {
            this.term = term;
            this.column = column;
            this.op = op;
            this.value = value;
            this.affinity = affinity;
            this.inValues = inValues;
        }

        boolean isLower() {
            return op == Expr.BinaryOp.GT || op == Expr.BinaryOp.GE;
        }
    }

    int kind = FULL_SCAN;
    Index index;
    Constraint[] eq = new Constraint[0];
    Constraint lower;
    Constraint upper;
    boolean covering;
    /** True when rows come out in the order the ORDER BY asks for. */
    boolean ordered;
    /** True when the scan runs backward ({@code Last}/{@code Prev}) to give the ORDER BY order. */
    boolean reverse;
    double estimatedRows = 1_000_000;

    /** The IN-list constraint among {@link #eq}, or null. */
    Constraint inConstraint() {
        for (Constraint c : eq) {
            if (c.inValues != null) {
                return c;
            }
        }
        return null;
    }

    String describe(Source s) {
        switch (kind) {
            case ROWID_EQ:
                return "SEARCH " + s.name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case ROWID_RANGE:
                return "SEARCH " + s.name + " USING INTEGER PRIMARY KEY (" + rangeText("rowid") + ")";
            case INDEX: {
                if (eq.length == 0 && lower == null && upper == null) {
                    return "SCAN " + s.name + " USING " + (covering ? "COVERING INDEX " : "INDEX ") + index.name();
                }
                StringBuilder sb = new StringBuilder("SEARCH ").append(s.name).append(" USING ")
                        .append(covering ? "COVERING INDEX " : "INDEX ").append(index.name()).append(" (");
                for (int k = 0; k < eq.length; k++) {
                    if (k > 0) {
                        sb.append(" AND ");
                    }
                    sb.append(s.columnNames[index.column(k)]).append("=?");
                }
                if (lower != null || upper != null) {
                    if (eq.length > 0) {
                        sb.append(" AND ");
                    }
                    sb.append(rangeText(s.columnNames[index.column(eq.length)]));
                }
                return sb.append(')').toString();
            }
            default:
                return "SCAN " + s.name;
        }
    }

    private String rangeText(String col) {
        if (lower != null && upper != null) {
            return col + ">? AND " + col + "<?";
        }
        return col + (lower != null ? ">?" : "<?");
    }
}
