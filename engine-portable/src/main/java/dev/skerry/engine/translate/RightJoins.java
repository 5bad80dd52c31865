package dev.skerry.engine.translate;

import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * RIGHT and FULL JOIN in the nested loops (SQLite's {@code WhereRightJoin}, {@code sqlite3WhereRightJoinLoop}).
 *
 * <p>The loops run as for an inner join (a FULL JOIN's right side also as a LEFT JOIN's inner side). At the
 * level of a right-hand side R, once a row has passed R's ON terms its rowid goes into R's match table (an
 * ephemeral index). The code from there inward (WHERE terms, inner levels, the body) is also a subroutine:
 * inline, its return register is NULL and the end falls through to R's {@code Next}; after the loops end,
 * one pass per right-hand side, outermost first, scans R, skips the rowids in its match table, puts every
 * source left of R on its null row and calls the subroutine. An outer pass runs before an inner one because
 * the inner right-hand side's rows matched during the outer pass count as matched.
 *
 * <p>For that to be right, no term that filters the join's result may act before the match is recorded: a
 * WHERE term, or an ON term of an inner join after R, is evaluated no earlier than R's level
 * ({@link WhereTerm#notBefore}); and the levels up to the last right-hand side seek only with their own
 * outer-join ON terms (the pass does not repeat R's seek, so R's WHERE terms must stay terms).
 *
 * <p>States per right-hand level: {@code match} is the cursor of the match table, opened before the loops;
 * {@code ret} is NULL while the subroutine runs inline and holds the caller's address during a pass.
 */
final class RightJoins {
    private final Parse p;
    private final List<Source> sources;
    private final int[] match;
    private final int[] ret;
    private final int[] entry;

    RightJoins(Parse p, List<Source> sources) {
        this.p = p;
        this.sources = sources;
        int n = sources.size();
        match = new int[n];
        ret = new int[n];
        entry = new int[n];
    }

    /** True when some source is the right-hand side of a RIGHT or FULL join. */
    static boolean any(List<Source> sources) {
        return last(sources) >= 0;
    }

    /** The level of the last right-hand side of a RIGHT or FULL join, or -1. */
    static int last(List<Source> sources) {
        for (int i = sources.size() - 1; i >= 0; i--) {
            if (sources.get(i).rightJoin) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Delays {@code terms}, which filter the result of the join at level {@code origin} (the number of
     * sources for WHERE), until the last right-hand side before that level has recorded its match. A term
     * that refers to no source but belongs to the left operand of a later RIGHT JOIN is kept inside the loops
     * (before them it would also suppress that join's unmatched rows).
     */
    static void defer(List<Source> sources, int origin, List<WhereTerm> terms) {
        int before = -1;
        for (int i = Math.min(origin, sources.size()) - 1; i >= 0; i--) {
            if (sources.get(i).rightJoin) {
                before = i;
                break;
            }
        }
        boolean leftOperand = last(sources) >= origin;
        for (WhereTerm t : terms) {
            if (t.mask != 0 && before >= 0) {
                t.notBefore = before;
            } else if (t.mask == 0 && leftOperand) {
                t.notBefore = Math.max(0, Math.min(origin, sources.size() - 1));
            }
        }
    }

    /** True when level {@code i} may seek only with its own outer-join ON terms. */
    static boolean onTermsOnly(List<Source> sources, int i) {
        return i <= last(sources);
    }

    /** Before the loops: opens the match tables. */
    void open() {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).rightJoin) {
                match[i] = p.cursor();
                ret[i] = p.reg();
                entry[i] = p.label();
                p.v.addOp(Opcode.OPEN_EPHEMERAL, match[i], 1, 0,
                        KeyInfos.of(new Collation[] {Collation.BINARY}, new boolean[1]));
                p.v.addOp(Opcode.NULL, 0, ret[i]);
            }
        }
    }

    /** At level {@code i}, after its ON terms: records the match and starts the subroutine. */
    void matched(int i) {
        if (!sources.get(i).rightJoin) {
            return;
        }
        int rowid = p.reg();
        int rec = p.reg();
        sources.get(i).loadRowid(p, rowid);
        p.v.addOp(Opcode.MAKE_RECORD, rowid, 1, rec);
        p.v.addOp(Opcode.IDX_INSERT, match[i], rec, rowid, Integer.valueOf(1));
    }

    /** At level {@code i}, where the row's processing begins (also after a LEFT JOIN's null row). */
    void subroutineStart(int i) {
        if (!sources.get(i).rightJoin) {
            return;
        }
        p.v.addOp(Opcode.NULL, 0, ret[i]);
        p.resolve(entry[i]);
    }

    /** At level {@code i}'s continue point: returns to the pass when called from it. */
    void subroutineEnd(int i) {
        if (!sources.get(i).rightJoin) {
            return;
        }
        int inline = p.v.addOp(Opcode.IS_NULL, ret[i], 0);
        p.v.addOp(Opcode.RETURN, ret[i]);
        p.v.jumpHere(inline);
    }

    /**
     * After the loops: the passes over each right-hand side's unmatched rows. {@code iterCursor[i]} is the
     * cursor level i reads (its covering index or its table) and {@code indexCursor[i]} its other index
     * cursor or -1.
     */
    void passes(int[] iterCursor, int[] indexCursor) {
        for (int r = 0; r < sources.size(); r++) {
            if (!sources.get(r).rightJoin) {
                continue;
            }
            for (int k = 0; k < r; k++) {
                p.v.addOp(Opcode.NULL_ROW, iterCursor[k]);
                if (indexCursor[k] >= 0 && indexCursor[k] != iterCursor[k]) {
                    p.v.addOp(Opcode.NULL_ROW, indexCursor[k]);
                }
            }
            int end = p.label();
            int next = p.label();
            p.v.addOp(Opcode.REWIND, iterCursor[r], end);
            int top = p.v.currentAddress();
            int rowid = p.reg();
            sources.get(r).loadRowid(p, rowid);
            p.v.addOp(Opcode.FOUND, match[r], next, rowid, Integer.valueOf(1));
            p.v.addOp(Opcode.GOSUB, ret[r], entry[r]);
            p.resolve(next);
            p.v.addOp(Opcode.NEXT, iterCursor[r], top);
            p.resolve(end);
        }
    }
}
