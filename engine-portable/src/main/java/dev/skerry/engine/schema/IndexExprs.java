package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Collation;

/**
 * What the schema needs to know of the expressions of an index on expressions: whether a key field is a
 * plain column, and the collating sequence of an expression field (SQLite's {@code sqlite3ExprCollSeq}).
 */
public final class IndexExprs {
    private IndexExprs() {
    }

    /**
     * The column number of {@code e} when it names a column of {@code table} (unqualified, or qualified with
     * the table's name) or is a string literal naming one (SQLite's {@code sqlite3StringToId}), else
     * {@link Index#EXPR}. A name that is no column of the table is SQLite's error.
     */
    static int columnOf(Expr e, Table table) throws SqliteException {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).kind() == Expr.LiteralKind.STRING) {
            int c = table.findColumn(((Expr.Literal) e).value());
            if (c < 0) {
                throw SqliteException.error("no such column: " + ((Expr.Literal) e).value());
            }
            return c;
        }
        if (!(e instanceof Expr.ColumnRef)) {
            return Index.EXPR;
        }
        Expr.ColumnRef ref = (Expr.ColumnRef) e;
        String name = ref.column().text();
        if (ref.table() != null && !Names.equal(ref.table().text(), table.name())) {
            throw SqliteException.error("no such column: " + ref.table().text() + "." + name);
        }
        int c = table.findColumn(name);
        if (c < 0) {
            throw SqliteException.error("no such column: " + name);
        }
        return c;
    }

    /**
     * The collating sequence of expression {@code e} on {@code table}'s columns: through CAST and unary plus
     * to a column's or a COLLATE's; an operator or function takes the first explicit COLLATE among its
     * operands; otherwise BINARY.
     */
    static Collation collation(Expr e, Table table) throws SqliteException {
        Expr x = e;
        for (int depth = 0; x != null && depth < 1000; depth++) {
            if (x instanceof Expr.Collate) {
                return SchemaBuilder.collation(((Expr.Collate) x).collation().text());
            } else if (x instanceof Expr.Cast) {
                x = ((Expr.Cast) x).operand();
            } else if (x instanceof Expr.Unary && ((Expr.Unary) x).op() == Expr.UnaryOp.PLUS) {
                x = ((Expr.Unary) x).operand();
            } else if (x instanceof Expr.ColumnRef) {
                int c = table.findColumn(((Expr.ColumnRef) x).column().text());
                return c < 0 ? Collation.BINARY : table.column(c).collation();
            } else if (x instanceof Expr.Binary) {
                Expr.Binary b = (Expr.Binary) x;
                x = hasCollate(b.left()) ? b.left() : hasCollate(b.right()) ? b.right() : null;
            } else if (x instanceof Expr.FunctionCall) {
                Expr next = null;
                for (Expr a : ((Expr.FunctionCall) x).args()) {
                    if (hasCollate(a)) {
                        next = a;
                        break;
                    }
                }
                x = next;
            } else {
                x = null;
            }
        }
        return Collation.BINARY;
    }

    /** True when an explicit COLLATE appears in {@code e} outside of subqueries. */
    private static boolean hasCollate(Expr e) {
        if (e == null) {
            return false;
        }
        if (e instanceof Expr.Collate) {
            return true;
        }
        if (e instanceof Expr.Cast) {
            return hasCollate(((Expr.Cast) e).operand());
        }
        if (e instanceof Expr.Unary) {
            return hasCollate(((Expr.Unary) e).operand());
        }
        if (e instanceof Expr.Binary) {
            return hasCollate(((Expr.Binary) e).left()) || hasCollate(((Expr.Binary) e).right());
        }
        if (e instanceof Expr.FunctionCall) {
            for (Expr a : ((Expr.FunctionCall) e).args()) {
                if (hasCollate(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
