package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Select;
import java.util.List;

/**
 * One AND-connected term of a WHERE clause or ON clause (SQLite's {@code WhereTerm}), with the set of FROM
 * items it refers to as a bit mask (bit i: the source of loop level i).
 *
 * <p>A term is evaluated at the innermost level it refers to, or before the loops when it refers to none.
 * A term of the ON clause of a LEFT JOIN belongs to the right-hand side's level ({@link #leftJoinLevel}) and
 * is checked before the row counts as matched. {@link #consumed} is set when the planner turned the term
 * into a seek, so the loop body does not test it again. A term containing a subquery is given every bit, so
 * it is evaluated innermost. A term is evaluated at the level {@link #level}.
 */
final class WhereTerm {
    final Expr expr;
    final long mask;
    /** The level whose LEFT JOIN ON clause this term comes from, or -1. */
    final int leftJoinLevel;
    boolean consumed;
    /**
     * The earliest level where the term may be evaluated, or -1: a WHERE term, or an ON term of an inner join
     * after a RIGHT or FULL JOIN, must wait until that join's right-hand row has been recorded as matched
     * ({@link RightJoins}).
     */
    int notBefore = -1;

    /** For {@code x IN (SELECT ...)}: true when the subquery is not correlated (see {@link #markIndependent}). */
    boolean independent;

    WhereTerm(Expr expr, long mask, int leftJoinLevel) {
        this.expr = expr;
        this.mask = mask;
        this.leftJoinLevel = leftJoinLevel;
    }

    /** The level where the loops evaluate the term: its innermost source, or later ({@link #notBefore}). */
    int level() {
        return Math.max(WhereLoop.highestBit(mask), notBefore);
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
            if (!(t.expr instanceof Expr.InSelect) || ((Expr.InSelect) t.expr).not()
                    || !indexedColumn(((Expr.InSelect) t.expr).operand(), scope)) {
                continue;
            }
            Select sel = ((Expr.InSelect) t.expr).select();
            Boolean known = p.independentSubqueries.get(sel);
            if (known == null) {
                try {
                    Parse scratch = new Parse(p.schema, p.sql, p.functions);
                    scratch.independentSubqueries = p.independentSubqueries;
                    SelectCoder.ResultInfo info = new SelectCoder(scratch).compile(sel, scope, (first, n) -> { });
                    known = !info.correlated && info.names.length == 1;
                } catch (SqliteException e) {
                    known = Boolean.FALSE;
                }
                p.independentSubqueries.put(sel, known);
            }
            t.independent = known;
        }
    }

    /** True when {@code e} is the rowid or an indexed column of a table of {@code scope} (so it may be sought). */
    private static boolean indexedColumn(Expr e, Scope scope) {
        if (!(e instanceof Expr.ColumnRef)) {
            return false;
        }
        Scope.Resolved r;
        try {
            r = scope.resolve((Expr.ColumnRef) e);
        } catch (SqliteException ex) {
            return false;
        }
        if (!r.isColumn() || r.source.table == null) {
            return false;
        }
        if (r.source.isRowid(r.column)) {
            return true;
        }
        for (dev.skerry.engine.schema.Index index : r.source.table.indexes()) {
            if (index.fieldOf(r.column) >= 0) {
                return true;
            }
        }
        return false;
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
