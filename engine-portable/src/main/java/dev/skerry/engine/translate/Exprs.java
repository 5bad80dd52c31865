package dev.skerry.engine.translate;

import dev.skerry.engine.parser.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** Walking expression trees: the operands of a node, not looking into subqueries. */
final class Exprs {
    private Exprs() {
    }

    /** The direct operand expressions of {@code e} (subqueries' own expressions excluded). */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>(3);
        if (e instanceof Expr.Unary) {
            out.add(((Expr.Unary) e).operand());
        } else if (e instanceof Expr.Binary) {
            out.add(((Expr.Binary) e).left());
            out.add(((Expr.Binary) e).right());
        } else if (e instanceof Expr.Like) {
            Expr.Like l = (Expr.Like) e;
            out.add(l.left());
            out.add(l.pattern());
            if (l.escape() != null) {
                out.add(l.escape());
            }
        } else if (e instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) e;
            out.add(b.operand());
            out.add(b.low());
            out.add(b.high());
        } else if (e instanceof Expr.InList) {
            out.add(((Expr.InList) e).operand());
            out.addAll(((Expr.InList) e).values());
        } else if (e instanceof Expr.InSelect) {
            out.add(((Expr.InSelect) e).operand());
        } else if (e instanceof Expr.InTable) {
            out.add(((Expr.InTable) e).operand());
        } else if (e instanceof Expr.IsNull) {
            out.add(((Expr.IsNull) e).operand());
        } else if (e instanceof Expr.Case) {
            Expr.Case c = (Expr.Case) e;
            if (c.base() != null) {
                out.add(c.base());
            }
            for (Expr.WhenThen w : c.whens()) {
                out.add(w.when());
                out.add(w.then());
            }
            if (c.elseExpr() != null) {
                out.add(c.elseExpr());
            }
        } else if (e instanceof Expr.Cast) {
            out.add(((Expr.Cast) e).operand());
        } else if (e instanceof Expr.Collate) {
            out.add(((Expr.Collate) e).operand());
        } else if (e instanceof Expr.RowValue) {
            out.addAll(((Expr.RowValue) e).values());
        } else if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall f = (Expr.FunctionCall) e;
            out.addAll(f.args());
            if (f.filter() != null) {
                out.add(f.filter());
            }
            for (dev.skerry.engine.parser.ast.OrderingTerm t : f.orderBy()) {
                out.add(t.expr());
            }
        }
        return out;
    }
}
