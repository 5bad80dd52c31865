package dev.skerry.engine.translate;

import dev.skerry.engine.parser.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression nodes whose values were computed earlier and wait in registers: while a window query's rows
 * are output ({@link WindowCoder}), its window function calls and the parts of its result expressions
 * that were evaluated before the rows were sorted. {@link ExprCoder} copies such a node's register instead
 * of evaluating it. Nodes are matched by identity.
 */
final class ComputedExprs {
    private final List<Expr> exprs = new ArrayList<>();
    private final List<Integer> registers = new ArrayList<>();

    void put(Expr e, int register) {
        exprs.add(e);
        registers.add(register);
    }

    /** The register holding {@code e}'s value, or 0 when {@code e} is not one of the computed nodes. */
    int register(Expr e) {
        for (int k = 0; k < exprs.size(); k++) {
            if (exprs.get(k) == e) {
                return registers.get(k);
            }
        }
        return 0;
    }
}
