package dev.skerry.engine.translate;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.schema.Index;
import java.util.List;

/**
 * How one loop level reaches its rows (SQLite's {@code WhereLoop}): a full scan of the table, a seek of
 * the rowid (one row, or a range), a seek of an index on equality constraints of its leading columns
 * optionally followed by a range on the next column, or a seek of an automatic index built for this
 * statement ({@link #AUTO_INDEX}).
 *
 * <p>{@link #eq}[k] constrains index column k (or the rowid for {@link #ROWID_EQ}); at most one of them may
 * be an IN (a list, a subquery, or an OR of equalities), which the loop walks value by value in ascending
 * order; {@link #lower} and {@link #upper} bound the column after the equalities (the rowid for
 * {@link #ROWID_RANGE}). An index is {@link #covering} when every column the query needs from this table is
 * in it, so the table itself is not read. An automatic index is always covering: its {@link #index} is a
 * description of the transient index (no root page) whose key is the {@link #eq} columns followed by the
 * other columns the query reads and the rowid; {@link #partial} lists the terms that need only this table,
 * which filter the rows put into it. A {@link #MULTI_OR} plan serves the OR term {@link #orTerm}: each of its
 * {@link #orBranches} is sought on its own (an index or the rowid) and the rowids found are read once each.
 *
 * <p>Estimates ({@link WhereCost}): {@link #estimatedRows} rows come out of one run of the loop,
 * {@link #cost} is the cost of one run, {@link #setup} the cost paid once per statement.
 */
final class WherePlan {
    static final int FULL_SCAN = 0;
    static final int ROWID_EQ = 1;
    static final int ROWID_RANGE = 2;
    static final int INDEX = 3;
    static final int AUTO_INDEX = 4;
    static final int MULTI_OR = 5;

    /** A usable term: {@code column op value} where value needs only outer levels. */
    static final class Constraint {
        final WhereTerm term;
        final int column;
        final Expr.BinaryOp op;
        final Expr value;
        final char affinity;
        /**
         * For {@code column IN (values)} or {@code column = v1 OR column = v2 ...}: the values (op is EQ and
         * {@link #value} the first); else null.
         */
        final List<Expr> inValues;
        /** For {@code column IN (SELECT ...)}: the subquery (op is EQ, {@link #value} is the column); else null. */
        final Select inSelect;
        /** The column expression of an IN (for its collation), else null. */
        final Expr inOperand;
        /** The comparison's collation, for an IN or OR constraint (others compute it from their term). */
        dev.skerry.engine.value.Collation collation;
        /**
         * For {@code column IS NULL}: {@link #value} is a NULL literal and the seek finds the index entries whose
         * field is NULL (SQLite's {@code WO_ISNULL}), where a NULL from {@code column = value} finds nothing.
         */
        boolean isNullTest;
        /** True when the column was the right operand of a comparison of two columns (see {@link AutoIndexPlan}). */
        boolean commutedColumns;
        /**
         * For a constraint on an expression that some index has as a key field ({@link IndexExprTerms}): that
         * expression as the query wrote it, and {@link #column} is {@code Index.EXPR}; else null.
         */
        Expr indexExpr;
        /** The affinity of {@link #indexExpr} (BLOB when it has none), the index field's affinity. */
        char indexExprAffinity;

        Constraint(WhereTerm term, int column, Expr.BinaryOp op, Expr value, char affinity) {
            this(term, column, op, value, affinity, null, null, null);
        }

        Constraint(WhereTerm term, int column, Expr.BinaryOp op, Expr value, char affinity, List<Expr> inValues,
                Select inSelect, Expr inOperand) {
            this.term = term;
            this.column = column;
            this.op = op;
            this.value = value;
            this.affinity = affinity;
            this.inValues = inValues;
            this.inSelect = inSelect;
            this.inOperand = inOperand;
        }

        /** True for an IN constraint (list, subquery or OR of equalities). */
        boolean isIn() {
            return inValues != null || inSelect != null;
        }

        /** How many values the IN gives: the list's size, or 25 for a subquery (SQLite's guess). */
        double inCount() {
            return inValues != null ? inValues.size() : inSelect != null ? 25 : 1;
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
    double estimatedRows = WhereCost.TABLE_ROWS;
    double cost;
    double setup;
    /** For {@link #AUTO_INDEX}: the terms filtering the rows put into the index (none: every row). */
    List<WhereTerm> partial = List.of();
    /**
     * True for the seek of one branch of a MULTI-INDEX OR: it reads only rowids from its index, and EXPLAIN
     * QUERY PLAN does not call the index covering (SQLite's branch reads the table later, in the OR loop).
     */
    boolean orBranch;
    /**
     * True when the loop stops at its first row with a value (a min() or max() query whose order this plan
     * gives, {@link WhereLoop#beginMinMax}): EXPLAIN QUERY PLAN then says SEARCH even without a constraint.
     */
    boolean firstRowOnly;
    /** For {@link #MULTI_OR}: the OR term served, and its branches (each an AND of terms). */
    WhereTerm orTerm;
    List<Expr> orBranches = List.of();

    /** The IN constraint among {@link #eq}, or null. */
    Constraint inConstraint() {
        for (Constraint c : eq) {
            if (c.isIn()) {
                return c;
            }
        }
        return null;
    }

    /** True when the plan seeks with {@code t} (so it does not reduce the rows again). */
    boolean uses(WhereTerm t) {
        for (Constraint c : eq) {
            if (c.term == t) {
                return true;
            }
        }
        return lower != null && lower.term == t || upper != null && upper.term == t || orTerm == t;
    }

    String describe(Source s) {
        switch (kind) {
            case ROWID_EQ:
                return "SEARCH " + s.name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case ROWID_RANGE:
                return "SEARCH " + s.name + " USING INTEGER PRIMARY KEY (" + rangeText("rowid") + ")";
            case AUTO_INDEX: {
                StringBuilder sb = new StringBuilder("SEARCH ").append(s.name).append(" USING AUTOMATIC ")
                        .append(partial.isEmpty() ? "" : "PARTIAL ").append("COVERING INDEX (");
                for (int k = 0; k < eq.length; k++) {
                    sb.append(k > 0 ? " AND " : "").append(s.columnNames[index.column(k)]).append("=?");
                }
                return sb.append(')').toString();
            }
            case INDEX: {
                boolean pk = index.table().primaryKey() == index;
                if (eq.length == 0 && lower == null && upper == null) {
                    String using = !pk ? " USING " + (covering ? "COVERING INDEX " : "INDEX ") + index.name()
                            : firstRowOnly ? " USING PRIMARY KEY" : "";
                    return (firstRowOnly ? "SEARCH " : "SCAN ") + s.name + using;
                }
                StringBuilder sb = new StringBuilder("SEARCH ").append(s.name).append(" USING ");
                if (pk) {
                    sb.append("PRIMARY KEY (");
                } else {
                    sb.append(covering && !orBranch ? "COVERING INDEX " : "INDEX ").append(index.name()).append(" (");
                }
                for (int k = 0; k < eq.length; k++) {
                    if (k > 0) {
                        sb.append(" AND ");
                    }
                    sb.append(fieldName(s, k)).append("=?");
                }
                if (lower != null || upper != null) {
                    if (eq.length > 0) {
                        sb.append(" AND ");
                    }
                    sb.append(rangeText(fieldName(s, eq.length)));
                }
                return sb.append(')').toString();
            }
            default:
                return (firstRowOnly ? "SEARCH " : "SCAN ") + s.name;
        }
    }

    /** How EXPLAIN QUERY PLAN names key field {@code k} of {@link #index}: its column, or {@code <expr>}. */
    private String fieldName(Source s, int k) {
        int c = index.column(k);
        return c == Index.EXPR ? "<expr>" : s.columnNames[c];
    }

    private String rangeText(String col) {
        if (lower != null && upper != null) {
            return col + ">? AND " + col + "<?";
        }
        return col + (lower != null ? ">?" : "<?");
    }
}
