package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.With;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.ProgramBuilder;
import java.util.List;

/**
 * A {@code MATERIALIZED} CTE, or one named twice that SQLite does not flatten (SQLite's {@code CteUse}
 * with its {@code addrM9e} subroutine): its rows are computed once per statement and every use of the CTE reads
 * the same rows, so a {@code random()} in its query has one value for all of them. The first use codes a
 * subroutine that fills the ephemeral table under {@code Once}; each use calls it ({@code Gosub}) and a later
 * use reads the table through a cursor of its own ({@code OpenDup}).
 *
 * <p>States, per CTE: unshared (no use coded in the program being built, or the CTE refers to an enclosing
 * query and is filled at each use as an ordinary subquery); shared (program, subroutine address, return
 * register, the first use's source as the template of the others).
 */
final class SharedCte {
    private final ProgramBuilder program;
    private final int subroutine;
    private final int returnReg;
    private final Source template;

    private SharedCte(ProgramBuilder program, int subroutine, int returnReg, Source template) {
        this.program = program;
        this.subroutine = subroutine;
        this.returnReg = returnReg;
        this.template = template;
    }

    /**
     * True when {@code cte} is to be shared: written {@code AS MATERIALIZED}, or written without
     * {@code [NOT] MATERIALIZED}, named twice or more, and not flattened by SQLite ({@link CteUses}).
     */
    static boolean applies(SelectCoder.Cte cte) {
        With.Materialized m = cte.def.materialized();
        return m == With.Materialized.MATERIALIZED || m == With.Materialized.DEFAULT && cte.materializedOnce;
    }

    /**
     * Adds a use of {@code cte} named {@code alias} to {@code scope}; {@code fill} materializes the CTE into
     * a new source of {@code scope} (FromBuilder's materialization) and returns whether it is correlated.
     */
    static void use(Parse p, SelectCoder.Cte cte, String alias, Scope scope, Fill fill) throws SqliteException {
        SharedCte shared = cte.shared;
        if (shared != null && shared.program == p.v) {
            p.v.addOp(Opcode.GOSUB, shared.returnReg, shared.subroutine);
            int cursor = p.cursor();
            p.v.addOp(Opcode.OPEN_DUP, cursor, shared.template.cursor);
            Source t = shared.template;
            scope.add(new Source(alias, t.columnNames, t.affinities, t.collations, t.declaredTypes, cursor));
            return;
        }
        int returnReg = p.reg();
        int gosub = p.v.addOp(Opcode.GOSUB, returnReg, 0);
        int skip = p.v.addOp(Opcode.GOTO, 0, 0);
        int subroutine = p.v.currentAddress();
        p.v.changeP2(gosub, subroutine);
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        boolean correlated = fill.fill();
        if (correlated) {
            p.v.changeOpcode(once, Opcode.NOOP);
        } else {
            p.v.jumpHere(once);
        }
        p.v.addOp(Opcode.RETURN, returnReg);
        p.v.jumpHere(skip);
        List<Source> sources = scope.sources;
        if (!correlated) {
            cte.shared = new SharedCte(p.v, subroutine, returnReg, sources.get(sources.size() - 1));
        }
    }

    /** Materializes the CTE into a new source of the scope; returns true when its query is correlated. */
    interface Fill {
        boolean fill() throws SqliteException;
    }
}
