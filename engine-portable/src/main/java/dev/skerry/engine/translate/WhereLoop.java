package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * The nested loops over the FROM items of one query (SQLite's {@code sqlite3WhereBegin}/{@code WhereEnd}),
 * in the order of the sources (which {@link JoinOrder} may have changed), each level using the access path
 * {@link WherePlanner} chose, given the rows its outer levels are estimated to yield. A level's head also
 * emits its EXPLAIN QUERY PLAN line, builds its automatic index ({@link AutoIndexCoder}) or its IN values,
 * and, for a MULTI-INDEX OR, runs each branch's seek and calls the rest of the level as a subroutine
 * ({@code Gosub}) for each new rowid, the level's continue label being the {@code Return}.
 *
 * <p>Use: {@link #begin} opens the cursors, evaluates the terms that need no row (jumping to
 * {@link #breakLabel()} when one is false), and emits each level's loop head followed by the terms that
 * level completes; the caller emits the body for one row combination, jumping to {@link #continueLabel()}
 * to skip it; {@link #end()} emits the loop tails. For the right side of a LEFT JOIN, a flag register
 * records whether any row matched its ON terms; when the inner loop ends without a match, the cursor is put
 * on its null row ({@code NullRow}) and the rest of the body runs once more. {@code IfNullRow} before the
 * inner {@code Next} keeps that extra pass from stepping the cursor. RIGHT and FULL joins add a pass after
 * the loops for the right-hand rows nothing matched ({@link RightJoins}).
 */
final class WhereLoop {
    private final Parse p;
    private final ExprCoder ex;
    private final Scope scope;
    private final List<Source> sources;
    private final WherePlan[] plans;
    private final boolean[] leftInner;
    private final int[] cont;
    private final int[] brk;
    private final int[] top;
    private final int[] body;
    private final int[] flag;
    private final int[] indexCursor;
    /** Per level: the ephemeral index of IN values walked around the seek, or -1. */
    private final int[] inCursor;
    /** Per level: where the seek loop goes when it has no more rows (the next IN value, or the level's end). */
    private final int[] done;
    private final int[] inTop;
    /** Per level of a MULTI-INDEX OR: the register of the Gosub into the level's body, else 0. */
    private final int[] orReturn;
    private final int exit;
    private final RightJoins rightJoins;
    /** Per level: the scan of a table-valued function, or null. */
    private final FunctionScan[] scans;

    private WhereLoop(Parse p, ExprCoder ex, Scope scope, List<Source> sources, boolean[] leftInner) {
        this.p = p;
        this.ex = ex;
        this.scope = scope;
        this.sources = sources;
        this.leftInner = leftInner;
        int n = sources.size();
        plans = new WherePlan[n];
        cont = new int[n];
        brk = new int[n];
        top = new int[n];
        body = new int[n];
        flag = new int[n];
        indexCursor = new int[n];
        inCursor = new int[n];
        done = new int[n];
        inTop = new int[n];
        orReturn = new int[n];
        exit = p.label();
        rightJoins = new RightJoins(p, sources);
        scans = new FunctionScan[n];
    }

    /**
     * Plans and opens the loops. {@code orderBy} is the ORDER BY the outermost level may satisfy (null
     * when there is none); {@code needed[i]} are the columns the query reads from source i (null: all).
     */
    static WhereLoop begin(Parse p, ExprCoder ex, Scope scope, List<Source> sources, boolean[] leftInner,
            List<WhereTerm> terms, List<OrderingTerm> orderBy, boolean[][] needed) throws SqliteException {
        return begin(p, ex, scope, sources, leftInner, terms, orderBy, needed, false, false);
    }

    /**
     * {@link #begin} for a min() or max() query over one table (SQLite's {@code WHERE_ORDERBY_MIN/MAX}): the
     * loop is planned to give rows in the order of {@code order} (the argument, ascending for min()); when it
     * does ({@link #ordered()}), the caller stops at the first row that has a value, and EXPLAIN QUERY PLAN shows
     * the loop as a SEARCH, as SQLite does.
     */
    static WhereLoop beginMinMax(Parse p, ExprCoder ex, Scope scope, List<Source> sources, boolean[] leftInner,
            List<WhereTerm> terms, OrderingTerm order, boolean[][] needed) throws SqliteException {
        return begin(p, ex, scope, sources, leftInner, terms, List.of(order), needed, false, true);
    }

    /**
     * {@link #begin}, for the seek of one branch of a MULTI-INDEX OR when {@code orBranch}, for a min() or max()
     * query ({@link #beginMinMax}) when {@code minMax}.
     */
    private static WhereLoop begin(Parse p, ExprCoder ex, Scope scope, List<Source> sources, boolean[] leftInner,
            List<WhereTerm> terms, List<OrderingTerm> orderBy, boolean[][] needed, boolean orBranch,
            boolean minMax) throws SqliteException {
        WhereLoop w = new WhereLoop(p, ex, scope, sources, leftInner);
        int n = sources.size();
        WhereTerm.markIndependent(p, terms, scope);
        double outerRows = 1;
        for (int i = 0; i < n; i++) {
            w.plans[i] = WherePlanner.plan(i, sources, terms, scope,
                    leftInner[i] || RightJoins.onTermsOnly(sources, i), i == 0 ? orderBy : null,
                    needed == null ? null : needed[i], outerRows);
            outerRows *= Math.max(w.plans[i].estimatedRows, 1);
            w.plans[i].orBranch = orBranch;
            w.plans[i].firstRowOnly = minMax && i == 0 && w.plans[i].ordered;
            for (WherePlan.Constraint c : w.plans[i].eq) {
                c.term.consumed = true;
            }
            w.scans[i] = FunctionScan.plan(p, ex, scope, sources, i, terms,
                    leftInner[i] || RightJoins.onTermsOnly(sources, i));
            consumeRange(w.plans[i]);
            w.cont[i] = p.label();
            w.brk[i] = p.label();
            w.top[i] = p.label();
            w.body[i] = p.label();
            w.inCursor[i] = -1;
            w.done[i] = w.brk[i];
        }
        for (WhereTerm t : terms) {
            if (!t.consumed && t.mask == 0 && t.leftJoinLevel < 0 && t.notBefore < 0) {
                ex.jumpIfFalse(t.expr, scope, w.exit, true);
                t.consumed = true;
            }
        }
        w.rightJoins.open();
        if (n == 0) {
            p.explain("SCAN CONSTANT ROW");
        }
        for (int i = 0; i < n; i++) {
            w.open(i);
        }
        for (int i = 0; i < n; i++) {
            w.head(i, terms);
        }
        return w;
    }

    private static void consumeRange(WherePlan plan) {
        if (plan.lower != null && plan.upper != null && plan.lower.term == plan.upper.term) {
            plan.lower.term.consumed = true;
            return;
        }
        if (plan.lower != null && !(plan.lower.term.expr instanceof Expr.Between)) {
            plan.lower.term.consumed = true;
        }
        if (plan.upper != null && !(plan.upper.term.expr instanceof Expr.Between)) {
            plan.upper.term.consumed = true;
        }
    }

    private void open(int i) {
        Source s = sources.get(i);
        WherePlan plan = plans[i];
        indexCursor[i] = -1;
        if (s.table == null) {
            return;
        }
        p.needRead();
        if (plan.kind == WherePlan.AUTO_INDEX) {
            indexCursor[i] = p.cursor();
        }
        if (plan.kind == WherePlan.INDEX && plan.index == s.table.primaryKey()) {
            // A WITHOUT ROWID table's PRIMARY KEY is the table's own b-tree: the index cursor is the table's.
            indexCursor[i] = s.cursor;
        } else if (plan.kind == WherePlan.INDEX) {
            indexCursor[i] = p.cursor();
            p.v.addOp(Opcode.OPEN_READ, indexCursor[i], plan.index.rootPage(), plan.index.table().db(), KeyInfos.cursor(plan.index));
            p.v.comment(plan.index.name());
            if (plan.covering) {
                s.readFromIndex(plan.index, indexCursor[i]);
                return;
            }
        }
        p.v.addOp(Opcode.OPEN_READ, s.cursor, s.table.rootPage(), s.table.db(), KeyInfos.table(s.table));
        p.v.comment(s.table.name());
    }

    private void head(int i, List<WhereTerm> terms) throws SqliteException {
        Source s = sources.get(i);
        WherePlan plan = plans[i];
        if (leftInner[i]) {
            flag[i] = p.reg();
            p.v.addOp(Opcode.INTEGER, 0, flag[i]);
        }
        if (plan.kind != WherePlan.MULTI_OR) {
            p.explain(plan.describe(s) + (leftInner[i] ? " LEFT-JOIN" : ""));
        }
        if (plan.kind == WherePlan.AUTO_INDEX) {
            AutoIndexCoder.build(p, ex, scope, s, plan, indexCursor[i]);
        }
        WherePlan.Constraint in = plan.inConstraint();
        int inKey = 0;
        if (in != null) {
            inKey = inList(i, in);
        }
        if (scans[i] != null) {
            scans[i].begin(brk[i]);
            p.resolve(top[i]);
        } else switch (plan.kind) {
            case WherePlan.ROWID_EQ: {
                int r = in != null ? inKey : ex.code(plan.eq[0].value, scope);
                p.v.addOp(Opcode.SEEK_ROWID, s.cursor, done[i], r);
                break;
            }
            case WherePlan.ROWID_RANGE: {
                if (plan.reverse) {
                    rowidRangeReverse(i, s, plan);
                    break;
                }
                if (plan.lower != null) {
                    int r = ex.code(plan.lower.value, scope);
                    p.v.addOp(plan.lower.op == Expr.BinaryOp.GT ? Opcode.SEEK_GT
                            : Opcode.SEEK_GE, s.cursor, brk[i], r, Integer.valueOf(1));
                } else {
                    p.v.addOp(Opcode.REWIND, s.cursor, brk[i]);
                }
                int ub = plan.upper == null ? 0 : ex.code(plan.upper.value, scope);
                p.resolve(top[i]);
                if (plan.upper != null) {
                    int rowid = p.reg();
                    p.v.addOp(Opcode.ROWID, s.cursor, rowid);
                    p.v.addOp(plan.upper.op == Expr.BinaryOp.LT ? Opcode.GE
                            : Opcode.GT, ub, brk[i], rowid, null, Opcode.AFF_NUMERIC);
                }
                break;
            }
            case WherePlan.INDEX:
            case WherePlan.AUTO_INDEX:
                indexHead(i, s, plan, inKey);
                break;
            case WherePlan.MULTI_OR:
                multiOrHead(i, s, plan);
                break;
            default:
                p.v.addOp(plan.reverse ? Opcode.LAST : Opcode.REWIND, s.cursor, brk[i]);
                p.resolve(top[i]);
                break;
        }
        for (WhereTerm t : terms) {
            if (!t.consumed && t.leftJoinLevel == i) {
                ex.jumpIfFalse(t.expr, scope, cont[i], true);
                t.consumed = true;
            }
        }
        if (leftInner[i]) {
            p.v.addOp(Opcode.INTEGER, 1, flag[i]);
        }
        rightJoins.matched(i);
        p.resolve(body[i]);
        rightJoins.subroutineStart(i);
        for (WhereTerm t : terms) {
            if (!t.consumed && t.leftJoinLevel < 0 && t.level() == i) {
                ex.jumpIfFalse(t.expr, scope, cont[i], true);
                t.consumed = true;
            }
        }
    }

    /**
     * The head of a MULTI-INDEX OR level: each branch's seek in turn, on its own cursors; each rowid not seen
     * before (a RowSet tested by RowSetTest, one set per branch, as SQLite) calls the level's body as a subroutine, which
     * positions the table on the row; {@link #end} returns from it.
     */
    private void multiOrHead(int i, Source s, WherePlan plan) throws SqliteException {
        int seen = p.reg();
        int rowid = p.reg();
        orReturn[i] = p.reg();
        int bodyStart = p.label();
        p.v.addOp(Opcode.NULL, 0, seen);
        p.explainUnder("MULTI-INDEX OR", () -> {
            int last = plan.orBranches.size() - 1;
            for (int k = 0; k <= last; k++) {
                Expr branch = plan.orBranches.get(k);
                Integer set = k == last ? -1 : k;
                p.explainUnder("INDEX " + (k + 1), () -> {
                    List<Source> one = List.of(s);
                    WhereLoop sub = begin(p, ex, scope, one, new boolean[1], MultiIndexOr.branchTerms(branch, s, scope),
                            null, new boolean[][] {MultiIndexOr.branchNeeds(branch, s, scope)}, true, false);
                    s.load(p, Source.ROWID, rowid);
                    s.readFromIndex(null, -1);
                    p.v.addOp(Opcode.ROW_SET_TEST, seen, sub.continueLabel(), rowid, set);
                    p.v.addOp(Opcode.GOSUB, orReturn[i], bodyStart);
                    sub.end();
                    return null;
                });
            }
            return null;
        });
        p.v.addOp(Opcode.GOTO, 0, brk[i]);
        p.resolve(bodyStart);
        p.v.addOp(Opcode.SEEK_ROWID, s.cursor, cont[i], rowid);
    }

    /** A rowid range walked backward: from the upper bound (or the last row) down to the lower bound. */
    private void rowidRangeReverse(int i, Source s, WherePlan plan) throws SqliteException {
        if (plan.upper != null) {
            int r = ex.code(plan.upper.value, scope);
            p.v.addOp(plan.upper.op == Expr.BinaryOp.LT ? Opcode.SEEK_LT : Opcode.SEEK_LE, s.cursor, brk[i], r,
                    Integer.valueOf(1));
        } else {
            p.v.addOp(Opcode.LAST, s.cursor, brk[i]);
        }
        int lb = plan.lower == null ? 0 : ex.code(plan.lower.value, scope);
        p.resolve(top[i]);
        if (plan.lower != null) {
            int rowid = p.reg();
            p.v.addOp(Opcode.ROWID, s.cursor, rowid);
            p.v.addOp(plan.lower.op == Expr.BinaryOp.GT ? Opcode.LE : Opcode.LT, lb, brk[i], rowid, null,
                    Opcode.AFF_NUMERIC);
        }
    }

    /**
     * Emits the ephemeral index of the distinct non-NULL values of an IN constraint (with the comparison's
     * affinity) and the head of the loop over them; returns the register holding the current value. The
     * values of a list are coded in place; those of a subquery (not correlated, see
     * {@link WhereTerm#independent}) are computed once per statement.
     */
    private int inList(int i, WherePlan.Constraint in) throws SqliteException {
        int eph = p.cursor();
        Collation coll = WherePlanner.collation(in, scope);
        int rec = p.reg();
        String aff = String.valueOf(keyAffinity(in));
        if (in.inSelect != null) {
            int once = p.v.addOp(Opcode.ONCE, 0, 0);
            p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, 1, 0, KeyInfos.of(new Collation[] {coll}, new boolean[1]));
            p.explainSubquery("LIST SUBQUERY", in.inSelect, () -> ex.selects().compile(in.inSelect, scope,
                    (first, n) -> {
                        int skip = p.v.addOp(Opcode.IS_NULL, first, 0);
                        p.v.addOp(Opcode.MAKE_RECORD, first, 1, rec, aff);
                        p.v.addOp(Opcode.IDX_INSERT, eph, rec);
                        p.v.jumpHere(skip);
                    }));
            p.v.jumpHere(once);
        } else {
            p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, 1, 0, KeyInfos.of(new Collation[] {coll}, new boolean[1]));
            int r = p.reg();
            for (Expr v : in.inValues) {
                ex.codeTo(v, scope, r);
                int skip = p.v.addOp(Opcode.IS_NULL, r, 0);
                p.v.addOp(Opcode.MAKE_RECORD, r, 1, rec, aff);
                p.v.addOp(Opcode.IDX_INSERT, eph, rec);
                p.v.jumpHere(skip);
            }
        }
        p.v.addOp(Opcode.REWIND, eph, brk[i]);
        inTop[i] = p.v.currentAddress();
        int key = p.reg();
        p.v.addOp(Opcode.COLUMN, eph, 0, key);
        inCursor[i] = eph;
        done[i] = p.label();
        return key;
    }

    private void indexHead(int i, Source s, WherePlan plan, int inKey) throws SqliteException {
        int idx = indexCursor[i];
        int neq = plan.eq.length;
        int keys = p.regs(neq + 1);
        StringBuilder aff = new StringBuilder();
        for (int k = 0; k < neq; k++) {
            if (plan.eq[k].isIn()) {
                p.v.addOp(Opcode.SCOPY, inKey, keys + k);
            } else {
                ex.codeTo(plan.eq[k].value, scope, keys + k);
                if (!plan.eq[k].isNullTest) {
                    p.v.addOp(Opcode.IS_NULL, keys + k, brk[i]);
                }
            }
            aff.append(keyAffinity(plan.eq[k]));
        }
        if (neq > 0) {
            p.v.addOp(Opcode.AFFINITY, keys, neq, 0, aff.toString());
        }
        Expr.BinaryOp gt = Expr.BinaryOp.GT;
        if (plan.reverse) {
            indexReverse(i, s, plan, idx, keys, neq);
            return;
        }
        if (plan.lower != null) {
            ex.codeTo(plan.lower.value, scope, keys + neq);
            p.v.addOp(Opcode.IS_NULL, keys + neq, brk[i]);
            p.v.addOp(Opcode.AFFINITY, keys + neq, 1, 0, String.valueOf(keyAffinity(plan.lower)));
            p.v.addOp(plan.lower.op == gt ? Opcode.SEEK_GT : Opcode.SEEK_GE, idx, done[i], keys,
                    Integer.valueOf(neq + 1));
        } else if (plan.upper != null) {
            p.v.addOp(Opcode.NULL, 0, keys + neq);
            p.v.addOp(Opcode.SEEK_GT, idx, done[i], keys, Integer.valueOf(neq + 1));
        } else if (neq > 0) {
            p.v.addOp(Opcode.SEEK_GE, idx, done[i], keys, Integer.valueOf(neq));
        } else {
            p.v.addOp(Opcode.REWIND, idx, done[i]);
        }
        int upperKeys = 0;
        if (plan.upper != null) {
            upperKeys = p.regs(neq + 1);
            if (neq > 0) {
                p.v.addOp(Opcode.COPY, keys, upperKeys, neq - 1);
            }
            ex.codeTo(plan.upper.value, scope, upperKeys + neq);
            p.v.addOp(Opcode.IS_NULL, upperKeys + neq, brk[i]);
            p.v.addOp(Opcode.AFFINITY, upperKeys + neq, 1, 0, String.valueOf(keyAffinity(plan.upper)));
        }
        p.resolve(top[i]);
        if (plan.upper != null) {
            p.v.addOp(plan.upper.op == Expr.BinaryOp.LT ? Opcode.IDX_GE : Opcode.IDX_GT,
                    idx, done[i], upperKeys, Integer.valueOf(neq + 1));
        } else if (neq > 0) {
            p.v.addOp(Opcode.IDX_GT, idx, done[i], keys, Integer.valueOf(neq));
        }
        if (!plan.covering) {
            p.v.addOp(Opcode.DEFERRED_SEEK, idx, 0, s.cursor);
        }
    }

    /**
     * An index walked backward: from the upper bound (or the end of the equal prefix, or the last entry) down
     * to the lower bound (or the start of the prefix, or, with only an upper bound, the NULLs, which sort
     * first and never satisfy a range).
     */
    private void indexReverse(int i, Source s, WherePlan plan, int idx, int keys, int neq) throws SqliteException {
        if (plan.upper != null) {
            ex.codeTo(plan.upper.value, scope, keys + neq);
            p.v.addOp(Opcode.IS_NULL, keys + neq, brk[i]);
            p.v.addOp(Opcode.AFFINITY, keys + neq, 1, 0, String.valueOf(keyAffinity(plan.upper)));
            p.v.addOp(plan.upper.op == Expr.BinaryOp.LT ? Opcode.SEEK_LT : Opcode.SEEK_LE, idx, done[i], keys,
                    Integer.valueOf(neq + 1));
        } else if (neq > 0) {
            p.v.addOp(Opcode.SEEK_LE, idx, done[i], keys, Integer.valueOf(neq));
        } else {
            p.v.addOp(Opcode.LAST, idx, done[i]);
        }
        int lowerKeys = 0;
        if (plan.lower != null || plan.upper != null) {
            lowerKeys = p.regs(neq + 1);
            if (neq > 0) {
                p.v.addOp(Opcode.COPY, keys, lowerKeys, neq - 1);
            }
            if (plan.lower != null) {
                ex.codeTo(plan.lower.value, scope, lowerKeys + neq);
                p.v.addOp(Opcode.IS_NULL, lowerKeys + neq, brk[i]);
                p.v.addOp(Opcode.AFFINITY, lowerKeys + neq, 1, 0, String.valueOf(keyAffinity(plan.lower)));
            } else {
                p.v.addOp(Opcode.NULL, 0, lowerKeys + neq);
            }
        }
        p.resolve(top[i]);
        if (plan.lower != null) {
            p.v.addOp(plan.lower.op == Expr.BinaryOp.GT ? Opcode.IDX_LE : Opcode.IDX_LT, idx, done[i], lowerKeys,
                    Integer.valueOf(neq + 1));
        } else if (plan.upper != null) {
            p.v.addOp(Opcode.IDX_LE, idx, done[i], lowerKeys, Integer.valueOf(neq + 1));
        } else if (neq > 0) {
            p.v.addOp(Opcode.IDX_LT, idx, done[i], keys, Integer.valueOf(neq));
        }
        if (!plan.covering) {
            p.v.addOp(Opcode.DEFERRED_SEEK, idx, 0, s.cursor);
        }
    }

    /**
     * The affinity to give a seek key: the comparison's, or BLOB (no change) when it has none; INTEGER and REAL
     * are NUMERIC as SQLite's {@code sqlite3IndexAffinityStr} makes them (an integer key stays an integer and
     * compares exactly with REAL entries).
     */
    private static char keyAffinity(WherePlan.Constraint c) {
        char a = (char) (c.affinity & Opcode.AFF_MASK);
        return a <= Opcode.AFF_BLOB ? (char) Opcode.AFF_BLOB : a > Affinity.NUMERIC ? Affinity.NUMERIC : a;
    }

    static int highestBit(long mask) {
        return 63 - Long.numberOfLeadingZeros(mask);
    }

    /** Where the body jumps to skip the current row combination. */
    int continueLabel() {
        return sources.isEmpty() ? exit : cont[sources.size() - 1];
    }

    /** Where the body jumps to leave all the loops. */
    int breakLabel() {
        return exit;
    }

    /** True when the outer level yields rows in the order of the ORDER BY passed to {@link #begin}. */
    boolean ordered() {
        return plans.length > 0 && plans[0].ordered;
    }

    /** The plan of each level, for EXPLAIN QUERY PLAN. */
    WherePlan plan(int level) {
        return plans[level];
    }

    /** Emits the loop tails. */
    void end() {
        for (int i = sources.size() - 1; i >= 0; i--) {
            Source s = sources.get(i);
            WherePlan plan = plans[i];
            p.resolve(cont[i]);
            rightJoins.subroutineEnd(i);
            int iter = indexCursor[i] >= 0 ? indexCursor[i] : s.cursor;
            if (leftInner[i]) {
                p.v.addOp(Opcode.IF_NULL_ROW, iter, brk[i], p.reg());
            }
            if (scans[i] != null) {
                scans[i].next(top[i]);
            } else if (plan.kind == WherePlan.MULTI_OR) {
                p.v.addOp(Opcode.RETURN, orReturn[i]);
            } else if (plan.kind != WherePlan.ROWID_EQ) {
                p.v.addOp(plan.reverse ? Opcode.PREV : Opcode.NEXT, iter, top[i]);
            }
            if (inCursor[i] >= 0) {
                p.resolve(done[i]);
                p.v.addOp(Opcode.NEXT, inCursor[i], inTop[i]);
            }
            p.resolve(brk[i]);
            if (leftInner[i]) {
                p.v.addOp(Opcode.IF_POS, flag[i], cont[i - 1], 0);
                if (!(indexCursor[i] >= 0 && plan.covering)) {
                    p.v.addOp(Opcode.NULL_ROW, s.cursor);
                }
                if (indexCursor[i] >= 0) {
                    p.v.addOp(Opcode.NULL_ROW, indexCursor[i]);
                }
                p.v.addOp(Opcode.INTEGER, 1, flag[i]);
                p.v.addOp(Opcode.GOTO, 0, body[i]);
            }
        }
        int[] iter = new int[sources.size()];
        for (int i = 0; i < iter.length; i++) {
            iter[i] = plans[i].kind == WherePlan.INDEX && plans[i].covering ? indexCursor[i] : sources.get(i).cursor;
        }
        rightJoins.passes(iter, indexCursor);
        p.resolve(exit);
    }
}
