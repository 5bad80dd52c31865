package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.CheckConstraint;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * {@code integrity_check} / {@code quick_check} of a table's CHECK constraints, as SQLite's pragma.c: each
 * row for which a constraint is false (NULL passes) gives one result row {@code CHECK constraint failed in t};
 * not done while {@code ignore_check_constraints} is on. The constraints are PureFunc sites, as in SQLite.
 */
final class CheckConstraintScan {
    private CheckConstraintScan() {
    }

    /**
     * Emits the scan of {@code table}; each message goes out from register {@code msg}, {@code count} counts
     * them; once it has reached register {@code maxReg}, a further problem jumps to {@code halt} instead.
     */
    static void check(Parse p, Table table, int msg, int count, int maxReg, int halt) throws SqliteException {
        List<CheckConstraint> checks = table.checks();
        int tab = p.cursor();
        p.v.addOp(Opcode.OPEN_READ, tab, table.rootPage(), table.db(), table.columnCount());
        int done = p.label();
        p.v.addOp(Opcode.REWIND, tab, done);
        int top = p.v.currentAddress();
        Scope scope = p.rootScope();
        scope.add(new Source(table, table.name(), tab));
        ExprCoder ex = new SelectCoder(p).ex;
        ex.pureSite(Opcode.PURE_CHECK);
        int fault = p.label();
        int ok = p.label();
        for (int k = checks.size() - 1; k > 0; k--) {
            ex.jumpIfFalse(checks.get(k).expr(), scope, fault, false);
        }
        ex.jumpIfTrue(checks.get(0).expr(), scope, ok, true);
        p.resolve(fault);
        p.v.addOp(Opcode.GE, maxReg, halt, count, null, 0);
        p.v.addString("CHECK constraint failed in " + table.name(), msg);
        p.v.addOp(Opcode.RESULT_ROW, msg, 1);
        p.v.addOp(Opcode.ADD_IMM, count, 1);
        p.resolve(ok);
        p.v.addOp(Opcode.NEXT, tab, top);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, tab);
    }
}
