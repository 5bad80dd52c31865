package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import java.util.List;

/**
 * Structural comparison of a query's expression with an expression of an index (a key expression or a
 * partial index's WHERE), as SQLite's {@code sqlite3ExprCompare}: the same operators, functions and literals
 * in the same places, and each column of the index expression matched by a reference to that column of the
 * query's source {@link #source}. Positions in the SQL text do not matter; names compare ignoring ASCII case.
 */
final class ExprMatch {
    private final Scope scope;
    private final Source source;
    private final Table table;

    ExprMatch(Scope scope, Source source) {
        this.scope = scope;
        this.source = source;
        this.table = source.table;
    }

    /** True when the query's {@code a} is the index's {@code b}. */
    boolean same(Expr a, Expr b) throws SqliteException {
        return same(a, b, 0);
    }

    private boolean same(Expr a, Expr b, int depth) throws SqliteException {
        if (a == null || b == null) {
            return a == b;
        }
        if (depth > 1000) {
            return false;
        }
        if (b instanceof Expr.ColumnRef) {
            return a instanceof Expr.ColumnRef && columnOf((Expr.ColumnRef) a) == indexColumn((Expr.ColumnRef) b);
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Expr.Literal) {
            Expr.Literal x = (Expr.Literal) a;
            Expr.Literal y = (Expr.Literal) b;
            return x.kind() == y.kind() && x.value().equals(y.value());
        }
        if (a instanceof Expr.Unary) {
            return ((Expr.Unary) a).op() == ((Expr.Unary) b).op()
                    && same(((Expr.Unary) a).operand(), ((Expr.Unary) b).operand(), depth + 1);
        }
        if (a instanceof Expr.Binary) {
            Expr.Binary x = (Expr.Binary) a;
            Expr.Binary y = (Expr.Binary) b;
            return x.op() == y.op() && same(x.left(), y.left(), depth + 1) && same(x.right(), y.right(), depth + 1);
        }
        if (a instanceof Expr.Collate) {
            return Names.equal(((Expr.Collate) a).collation().text(), ((Expr.Collate) b).collation().text())
                    && same(((Expr.Collate) a).operand(), ((Expr.Collate) b).operand(), depth + 1);
        }
        if (a instanceof Expr.Cast) {
            Expr.Cast x = (Expr.Cast) a;
            Expr.Cast y = (Expr.Cast) b;
            return Names.equal(x.type().text(), y.type().text())
                    && same(x.operand(), y.operand(), depth + 1);
        }
        if (a instanceof Expr.IsNull) {
            return ((Expr.IsNull) a).not() == ((Expr.IsNull) b).not()
                    && same(((Expr.IsNull) a).operand(), ((Expr.IsNull) b).operand(), depth + 1);
        }
        if (a instanceof Expr.Like) {
            Expr.Like x = (Expr.Like) a;
            Expr.Like y = (Expr.Like) b;
            return x.op() == y.op() && x.not() == y.not() && same(x.left(), y.left(), depth + 1)
                    && same(x.pattern(), y.pattern(), depth + 1) && same(x.escape(), y.escape(), depth + 1);
        }
        if (a instanceof Expr.Between) {
            Expr.Between x = (Expr.Between) a;
            Expr.Between y = (Expr.Between) b;
            return x.not() == y.not() && same(x.operand(), y.operand(), depth + 1)
                    && same(x.low(), y.low(), depth + 1) && same(x.high(), y.high(), depth + 1);
        }
        if (a instanceof Expr.InList) {
            Expr.InList x = (Expr.InList) a;
            Expr.InList y = (Expr.InList) b;
            return x.not() == y.not() && same(x.operand(), y.operand(), depth + 1)
                    && sameList(x.values(), y.values(), depth);
        }
        if (a instanceof Expr.FunctionCall) {
            Expr.FunctionCall x = (Expr.FunctionCall) a;
            Expr.FunctionCall y = (Expr.FunctionCall) b;
            return Names.equal(x.name().text(), y.name().text()) && x.distinct() == y.distinct()
                    && x.star() == y.star() && x.over() == null && y.over() == null && x.filter() == null
                    && y.filter() == null && sameList(x.args(), y.args(), depth);
        }
        if (a instanceof Expr.Case) {
            Expr.Case x = (Expr.Case) a;
            Expr.Case y = (Expr.Case) b;
            if (x.whens().size() != y.whens().size() || !same(x.base(), y.base(), depth + 1)
                    || !same(x.elseExpr(), y.elseExpr(), depth + 1)) {
                return false;
            }
            for (int i = 0; i < x.whens().size(); i++) {
                if (!same(x.whens().get(i).when(), y.whens().get(i).when(), depth + 1)
                        || !same(x.whens().get(i).then(), y.whens().get(i).then(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Expr.RowValue) {
            return sameList(((Expr.RowValue) a).values(), ((Expr.RowValue) b).values(), depth);
        }
        return false;
    }

    private boolean sameList(List<Expr> x, List<Expr> y, int depth) throws SqliteException {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i), depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The column of {@link #source} the query's reference names ({@link Source#ROWID} for the rowid), or MIN_VALUE. */
    private int columnOf(Expr.ColumnRef ref) {
        try {
            Scope.Resolved r = scope.resolve(ref);
            if (!r.isColumn() || r.source != source) {
                return Integer.MIN_VALUE;
            }
            return source.isRowid(r.column) ? Source.ROWID : r.column;
        } catch (SqliteException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The table column an index expression's reference names ({@link Source#ROWID} for the rowid). */
    private int indexColumn(Expr.ColumnRef ref) {
        int c = table.findColumn(ref.column().text());
        if (c >= 0) {
            return c == table.rowidAlias() ? Source.ROWID : c;
        }
        String n = ref.column().text();
        return Names.equal(n, "rowid") || Names.equal(n, "oid") || Names.equal(n, "_rowid_")
                ? Source.ROWID : Integer.MIN_VALUE + 1;
    }
}
