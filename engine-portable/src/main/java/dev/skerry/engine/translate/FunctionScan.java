package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * The loop level of a table-valued function ({@link TableFunction}) in {@link WhereLoop}: where a table level
 * rewinds and steps a cursor, this one computes the function's first row and its next rows into registers
 * that the source's pseudo-cursor reads as its columns (so that they read like any cursor's, keep their
 * subtypes, and {@code NullRow} gives a LEFT JOIN's null row).
 *
 * <p>Arguments fill the hidden columns in order; a hidden column without an argument may take an equality
 * of the WHERE (or of the level's own ON clause) whose other side the outer levels give, as may the bounds
 * the function narrows its rows by; such terms are consumed. An argument or term may refer to the tables of
 * the outer levels (a correlated function), so the start is computed each time the level starts.
 */
final class FunctionScan {
    private final Parse p;
    private final ExprCoder ex;
    private final Scope scope;
    private final Source source;
    private final TableFunction function;
    private final Expr[] argExprs;
    private final Expr[] boundExprs;
    private final Expr.BinaryOp[] boundOps;
    private int[] args;
    private int[] bounds;
    private int row;

    private FunctionScan(Parse p, ExprCoder ex, Scope scope, Source source) {
        this.p = p;
        this.ex = ex;
        this.scope = scope;
        this.source = source;
        this.function = source.function;
        int hidden = function.columns().length - function.visibleColumns();
        argExprs = new Expr[hidden];
        boundExprs = new Expr[function.boundSlots()];
        boundOps = new Expr.BinaryOp[function.boundSlots()];
    }

    /**
     * The scan of level {@code level} when its source is a table-valued function, else null. {@code onTermsOnly}
     * limits the terms it may take to the level's own ON terms (an outer join's right side).
     */
    static FunctionScan plan(Parse p, ExprCoder ex, Scope scope, List<Source> sources, int level,
            List<WhereTerm> terms, boolean onTermsOnly) throws SqliteException {
        Source s = sources.get(level);
        if (s.function == null) {
            return null;
        }
        FunctionScan scan = new FunctionScan(p, ex, scope, s);
        List<Expr> given = s.functionArgs;
        for (int k = 0; k < given.size(); k++) {
            scan.argExprs[k] = given.get(k);
        }
        long prior = (1L << level) - 1;
        for (int pass = 0; pass < 2; pass++) {
            for (WhereTerm t : terms) {
                if (t.consumed || (onTermsOnly ? t.leftJoinLevel != level
                        : t.leftJoinLevel >= 0 && t.leftJoinLevel != level) || t.notBefore > level
                        || (t.mask & (1L << level)) == 0) {
                    continue;
                }
                if (pass == 1 && t.expr instanceof Expr.Between) {
                    scan.between(t, (Expr.Between) t.expr, sources, prior);
                    continue;
                }
                if (!(t.expr instanceof Expr.Binary)) {
                    continue;
                }
                Expr.Binary b = (Expr.Binary) t.expr;
                Expr.BinaryOp op = b.op();
                int column = columnOf(b.left(), s, scope);
                Expr value = b.right();
                if (column < 0) {
                    column = columnOf(b.right(), s, scope);
                    value = b.left();
                    op = flip(op);
                }
                if (column < 0 || op == null || (WhereTerm.mask(value, scope, sources) & ~prior) != 0) {
                    continue;
                }
                if (pass == 0 && column >= s.function.visibleColumns() && op == Expr.BinaryOp.EQ) {
                    int k = column - s.function.visibleColumns();
                    if (scan.argExprs[k] == null) {
                        scan.argExprs[k] = value;
                        t.consumed = true;
                    }
                } else if (pass == 1 && column < s.function.visibleColumns()) {
                    int slot = s.function.bounds(column, op);
                    if (slot >= 0 && scan.boundExprs[slot] == null && !scan.hasEquality()) {
                        if (op == Expr.BinaryOp.EQ) {
                            java.util.Arrays.fill(scan.boundExprs, null);
                        }
                        scan.boundExprs[slot] = value;
                        scan.boundOps[slot] = op;
                        t.consumed = true;
                    }
                }
            }
        }
        return scan;
    }

    /** {@code column BETWEEN low AND high} on a visible column: both bounds, when both slots are free. */
    private void between(WhereTerm t, Expr.Between b, List<Source> sources, long prior) throws SqliteException {
        int column = columnOf(b.operand(), source, scope);
        if (b.not() || column < 0 || column >= function.visibleColumns() || hasEquality()
                || (WhereTerm.mask(b.low(), scope, sources) & ~prior) != 0
                || (WhereTerm.mask(b.high(), scope, sources) & ~prior) != 0) {
            return;
        }
        int lower = function.bounds(column, Expr.BinaryOp.GE);
        int upper = function.bounds(column, Expr.BinaryOp.LE);
        if (lower < 0 || upper < 0 || boundExprs[lower] != null || boundExprs[upper] != null) {
            return;
        }
        boundExprs[lower] = b.low();
        boundOps[lower] = Expr.BinaryOp.GE;
        boundExprs[upper] = b.high();
        boundOps[upper] = Expr.BinaryOp.LE;
        t.consumed = true;
    }

    /**
     * In a FROM clause of inner joins, moves each table-valued function after the sources its arguments read
     * (SQLite's planner orders such a join by the function's inputs), keeping the order otherwise.
     */
    static void placeAfterArguments(Scope scope) throws SqliteException {
        List<Source> sources = scope.sources;
        for (int moves = 0; moves < sources.size() * sources.size(); moves++) {
            boolean moved = false;
            for (int i = 0; i < sources.size() && !moved; i++) {
                Source s = sources.get(i);
                if (s.function == null) {
                    continue;
                }
                long mask = 0;
                for (Expr a : s.functionArgs) {
                    mask |= WhereTerm.mask(a, scope, sources);
                }
                int last = WhereLoop.highestBit(mask & ~(1L << i));
                if (last > i) {
                    sources.remove(i);
                    sources.add(last, s);
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    private boolean hasEquality() {
        for (Expr.BinaryOp op : boundOps) {
            if (op == Expr.BinaryOp.EQ) {
                return true;
            }
        }
        return false;
    }

    /** The column of {@code s} that {@code e} names, or -1. */
    private static int columnOf(Expr e, Source s, Scope scope) throws SqliteException {
        if (!(e instanceof Expr.ColumnRef)) {
            return -1;
        }
        Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
        return r.isColumn() && r.source == s && r.column >= 0 ? r.column : -1;
    }

    /** {@code a op b} as {@code b op' a}, or null for an operator the scan does not take. */
    private static Expr.BinaryOp flip(Expr.BinaryOp op) {
        switch (op) {
            case EQ: return Expr.BinaryOp.EQ;
            case LT: return Expr.BinaryOp.GT;
            case LE: return Expr.BinaryOp.GE;
            case GT: return Expr.BinaryOp.LT;
            case GE: return Expr.BinaryOp.LE;
            default: return null;
        }
    }

    /** The level's start: computes the first row, or jumps to {@code empty}. */
    void begin(int empty) throws SqliteException {
        int n = function.columns().length;
        row = p.regs(n + 1);
        p.v.addOp(Opcode.OPEN_PSEUDO, source.cursor, row, n + 1, Integer.valueOf(row), 0);
        args = new int[argExprs.length];
        for (int k = 0; k < argExprs.length; k++) {
            if (argExprs[k] != null) {
                args[k] = p.reg();
                ex.codeTo(argExprs[k], scope, args[k]);
            }
        }
        bounds = new int[boundExprs.length];
        for (int k = 0; k < boundExprs.length; k++) {
            if (boundExprs[k] != null) {
                bounds[k] = p.reg();
                ex.codeTo(boundExprs[k], scope, bounds[k]);
            }
        }
        function.first(p, args, bounds, boundOps, row, empty);
    }

    /** The loop's step: to {@code top} with the next row, else falls through. */
    void next(int top) {
        function.next(p, args, bounds, boundOps, row, top);
    }
}
