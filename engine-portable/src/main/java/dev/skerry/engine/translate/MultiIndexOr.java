package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's "MULTI-INDEX OR" ({@code whereAddOrLoops} in {@code where.c}): an OR term whose every branch can
 * be sought on its own, through an index or the rowid, is served by running those seeks one after the
 * other, instead of scanning the table. A rowid met twice is read once: {@link WhereLoop} keeps the rowids
 * seen in a RowSet (RowSetTest, one set per branch). The OR term itself stays a filter of the loop, so a branch
 * whose seek uses only some of its terms gives no wrong rows; the other terms of the level are ANDed to each
 * branch, so that a branch may seek with them.
 *
 * <p>Planning: each branch (split at its ANDs) is planned as a one-table query whose only outer values are
 * those of the outer loops; the OR plan costs the sum of the branches' costs plus a table lookup per row,
 * and is chosen when that is cheaper than the other plans.
 */
final class MultiIndexOr {
    private MultiIndexOr() {
    }

    /**
     * The OR plan for term {@code t} on {@code s}, or null when a branch cannot be sought. The other terms of
     * the level ({@code local}, those that are not ORs) are ANDed to each branch, as SQLite does, so that a
     * branch's seek may use them too.
     */
    static WherePlan plan(WhereTerm t, List<WhereTerm> local, Source s, Scope scope) throws SqliteException {
        List<Expr> branches = new ArrayList<>();
        OrTerms.flatten(t.expr, branches);
        if (branches.size() < 2) {
            return null;
        }
        for (WhereTerm other : local) {
            if (other == t || other.expr instanceof Expr.Binary && ((Expr.Binary) other.expr).op() == Expr.BinaryOp.OR) {
                continue;
            }
            for (int k = 0; k < branches.size(); k++) {
                branches.set(k, new Expr.Binary(Expr.BinaryOp.AND, branches.get(k), other.expr, 0, 0));
            }
        }
        WherePlan p = new WherePlan();
        p.kind = WherePlan.MULTI_OR;
        p.orTerm = t;
        p.orBranches = branches;
        p.estimatedRows = 0;
        p.cost = 0;
        for (Expr b : branches) {
            WherePlan bp = branchPlan(b, s, scope);
            if (bp.kind != WherePlan.INDEX && bp.kind != WherePlan.ROWID_EQ && bp.kind != WherePlan.ROWID_RANGE
                    || bp.kind == WherePlan.INDEX && bp.eq.length == 0 && bp.lower == null && bp.upper == null) {
                return null;
            }
            p.estimatedRows += bp.estimatedRows;
            p.cost += bp.cost;
        }
        p.cost += WhereCost.tableLookups(p.estimatedRows);
        return p;
    }

    /** The terms of one branch, with masks relative to {@code s} alone (outer loops' columns are values). */
    static List<WhereTerm> branchTerms(Expr branch, Source s, Scope scope) throws SqliteException {
        List<WhereTerm> terms = new ArrayList<>();
        WhereTerm.split(branch, scope, List.of(s), -1, terms);
        return terms;
    }

    /** Which columns of {@code s} a branch reads: those it names, and the rowid. */
    static boolean[] branchNeeds(Expr branch, Source s, Scope scope) throws SqliteException {
        boolean[][] needed = Usage.empty(List.of(s));
        Usage.mark(branch, scope, List.of(s), needed);
        needed[0][s.columnCount()] = true;
        return needed[0];
    }

    private static WherePlan branchPlan(Expr branch, Source s, Scope scope) throws SqliteException {
        return WherePlanner.plan(0, 0, List.of(s), branchTerms(branch, s, scope), scope, false, null,
                branchNeeds(branch, s, scope), 1);
    }
}
