package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate function calls of one aggregate query (SQLite's {@code AggInfo}) and where their values
 * are.
 *
 * <p>Each distinct call node found in the result columns, HAVING and ORDER BY has an accumulator register
 * (NULL before the first step). While the rows are read, {@code AggStep} updates the accumulators; after
 * {@code AggFinal} the accumulator holds the result and {@link #output} is true, and expressions that
 * contain the call read that register. A call with DISTINCT has an ephemeral index that remembers the
 * argument values already seen.
 */
final class AggregateInfo {
    /** One aggregate call. */
    static final class Call {
        final Expr.FunctionCall call;
        final Object function;
        final int nArg;
        final int accumulator;
        int distinctCursor = -1;
        Object distinctKeyInfo;
        /**
         * With ORDER BY in the call: the ephemeral index holding each row's sort keys, a sequence number
         * (ties keep the order the rows came in) and the arguments, replayed into the accumulator in order
         * before {@code AggFinal}; else -1.
         */
        int orderCursor = -1;
        Object orderKeyInfo;
        /** The number of key fields of an {@link #orderCursor} record (sort keys, NULL flags, the sequence). */
        int orderKeyFields;
        /** The sequence number register of {@link #orderCursor}. */
        int orderSequence;

        Call(Expr.FunctionCall call, Object function, int nArg, int accumulator) {
            this.call = call;
            this.function = function;
            this.nArg = nArg;
            this.accumulator = accumulator;
        }
    }

    final List<Call> calls = new ArrayList<>();
    /** True once the accumulators hold final values. */
    boolean output;

    Call find(Expr.FunctionCall c) {
        for (Call call : calls) {
            if (call.call == c) {
                return call;
            }
        }
        return null;
    }

    /** Adds every aggregate call in {@code e} (not looking into subqueries). */
    void collect(Expr e, Parse p) throws SqliteException {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall fc = (Expr.FunctionCall) e;
            int n = fc.star() ? 0 : fc.args().size();
            Object fn = fc.over() == null ? p.functions.aggregate(fc.name().text(), n) : null;
            if (fn != null && p.functions.scalar(fc.name().text(), n) == null) {
                if (find(fc) == null) {
                    for (Expr a : fc.args()) {
                        if (containsAggregate(a, p)) {
                            throw SqliteException.error("misuse of aggregate function " + fc.name().text() + "()");
                        }
                    }
                    for (Expr a : Exprs.children(fc)) {
                        if (containsAggregate(a, p)) {
                            throw SqliteException.error("misuse of aggregate function " + firstAggregate(a, p) + "()");
                        }
                    }
                    calls.add(new Call(fc, fn, n, p.reg()));
                }
                return;
            }
        }
        for (Expr child : Exprs.children(e)) {
            collect(child, p);
        }
    }

    /** The name of the outermost aggregate function {@code e} calls. */
    private static String firstAggregate(Expr e, Parse p) {
        if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall fc = (Expr.FunctionCall) e;
            int n = fc.star() ? 0 : fc.args().size();
            if (fc.over() == null && p.functions.aggregate(fc.name().text(), n) != null
                    && p.functions.scalar(fc.name().text(), n) == null) {
                return fc.name().text();
            }
        }
        for (Expr child : Exprs.children(e)) {
            if (containsAggregate(child, p)) {
                return firstAggregate(child, p);
            }
        }
        return "";
    }

    /** True when {@code e} calls an aggregate function outside any subquery. */
    static boolean containsAggregate(Expr e, Parse p) {
        if (e == null) {
            return false;
        }
        if (e instanceof Expr.FunctionCall) {
            Expr.FunctionCall fc = (Expr.FunctionCall) e;
            int n = fc.star() ? 0 : fc.args().size();
            if (fc.over() == null && p.functions.aggregate(fc.name().text(), n) != null
                    && p.functions.scalar(fc.name().text(), n) == null) {
                return true;
            }
        }
        for (Expr child : Exprs.children(e)) {
            if (containsAggregate(child, p)) {
                return true;
            }
        }
        return false;
    }
}
