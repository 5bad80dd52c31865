package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import java.util.List;

/**
 * One AND-connected term of a WHERE clause or ON clause (SQLite's {@code WhereTerm}), with the set of FROM
 * items it refers to as a bit mask (bit i: the source of loop level i).
 *
 * <p>A term is evaluated at the innermost level it refers to, or before the loops when it refers to none.
 * A term of the ON clause of a LEFT JOIN belongs to the right-hand side's level ({@link #leftJoinLevel}) and
 * is checked before the row counts as matched. {@link #consumed} is set when the planner turned the term
 * into a seek, so the loop body does not test it again. A term containing a subquery is given every bit, so
 * it is evaluated innermost.
 */
final class WhereTerm {
    final Expr expr;
    final long mask;
    /** The level whose LEFT JOIN ON clause this term comes from, or -1. */
    final int leftJoinLevel;
    boolean consumed;
    /** For {@code x IN (SELECT ...)}: true when the subquery is not correlated (see {@link #markIndependent}). */
    boolean independent;

    WhereTerm(Expr expr, long mask, int leftJoinLevel) {
        this.expr = expr;
        this.mask = mask;
        this.leftJoinLevel = leftJoinLevel;
    }

    /** Splits {@code e} at its top-level ANDs and appends the terms. */
    static void split(Expr e, Scope scope, List<Source> sources, int leftJoinLevel, List<WhereTerm> out)
            throws SqliteException {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Binary && ((Expr.Binary) e).op() == Expr.BinaryOp.AND) {
            split(((Expr.Binary) e).left(), scope, sources, leftJoinLevel, out);
            split(((Expr.Binary) e).right(), scope, sources, leftJoinLevel, out);
            return;
        }
        out.add(new WhereTerm(e, mask(e, scope, sources), leftJoinLevel));
    }

    /**
     * Sets {@link #independent} on the {@code IN (SELECT ...)} terms whose subquery compiles, in a scratch
     * program, without referring to {@code scope} or any enclosing scope.
     */
    static void markIndependent(Parse p, List<WhereTerm> terms, Scope scope) {
        for (WhereTerm t : terms) {
            if (!(t.expr instanceof Expr.InSelect) || ((Expr.InSelect) t.expr).not()) {
                continue;
            }
            try {
                Parse scratch = new Parse(p.schema, p.sql, p.functions);
                SelectCoder.ResultInfo info = new SelectCoder(scratch).compile(((Expr.InSelect) t.expr).select(),
                        scope, (first, n) -> { });
                t.independent = !info.correlated && info.names.length == 1;
            } catch (SqliteException e) {
                t.independent = false;
            }
        }
    }

    /** The levels (bits) of {@code sources} that {@code e} refers to. */
    static long mask(Expr e, Scope scope, List<Source> sources) throws SqliteException {
        if (e == null) {
            return 0;
        }
        if (e instanceof Expr.ColumnRef) {
            Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
            if (r.isColumn()) {
                int k = sources.indexOf(r.source);
                return k < 0 ? 0 : 1L << k;
            }
            if (r.isAlias()) {
                return mask(r.aliasExpr, r.aliasScope, sources);
            }
            return 0;
        }
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect) {
            return sources.isEmpty() ? 0 : (sources.size() >= 64 ? -1L : (1L << sources.size()) - 1);
        }
        long m = 0;
        for (Expr child : Exprs.children(e)) {
            m |= mask(child, scope, sources);
        }
        return m;
    }
}
