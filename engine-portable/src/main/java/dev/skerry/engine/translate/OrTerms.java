package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;

/**
 * OR terms a seek can serve (SQLite's {@code exprAnalyzeOrTerm}): {@code a = v1 OR a = v2 OR ...} on one
 * column becomes the constraint {@code a IN (v1, v2, ...)}, walked value by value like an IN list. Every
 * branch must compare the same column of the source with a value that needs only outer loops, with the
 * same affinity and collation, so that the IN gives exactly the rows the OR does (a NULL value matches
 * nothing either way).
 */
final class OrTerms {
    private OrTerms() {
    }

    /** Adds the IN constraint {@code t} amounts to, if it is an OR of equalities on one column of {@code s}. */
    static void equalities(WhereTerm t, Source s, Scope scope, List<Source> sources, long prior,
            List<WherePlan.Constraint> out) throws SqliteException {
        List<Expr> branches = new ArrayList<>();
        flatten(t.expr, branches);
        int column = Integer.MIN_VALUE;
        Expr operand = null;
        char affinity = 0;
        Collation collation = null;
        List<Expr> values = new ArrayList<>();
        for (Expr b : branches) {
            if (!(b instanceof Expr.Binary) || ((Expr.Binary) b).op() != Expr.BinaryOp.EQ) {
                return;
            }
            Expr.Binary eq = (Expr.Binary) b;
            Expr col = eq.left();
            Expr value = eq.right();
            int c = WherePlanner.columnOf(col, s, scope);
            if (c == Integer.MIN_VALUE || (WhereTerm.mask(value, scope, sources) & ~prior) != 0) {
                col = eq.right();
                value = eq.left();
                c = WherePlanner.columnOf(col, s, scope);
            }
            if (c == Integer.MIN_VALUE || (WhereTerm.mask(value, scope, sources) & ~prior) != 0
                    || (column != Integer.MIN_VALUE && c != column)) {
                return;
            }
            char aff = ExprInfo.compareAffinity(col, value, scope);
            Collation coll = ExprInfo.compareCollation(eq.left(), eq.right(), scope);
            if (operand != null && (aff != affinity || coll != collation)) {
                return;
            }
            column = c;
            operand = col;
            affinity = aff;
            collation = coll;
            values.add(value);
        }
        WherePlan.Constraint con = new WherePlan.Constraint(t, column, Expr.BinaryOp.EQ, values.get(0), affinity,
                values, null, operand);
        con.collation = collation;
        out.add(con);
    }

    /** Appends to {@code out} the operands of the tree of ORs {@code e}, left to right ({@code e} when no OR). */
    static void flatten(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary && ((Expr.Binary) e).op() == Expr.BinaryOp.OR) {
            flatten(((Expr.Binary) e).left(), out);
            flatten(((Expr.Binary) e).right(), out);
            return;
        }
        out.add(e);
    }
}
