package dev.skerry.engine.vdbe;

/**
 * The foreign key opcodes {@code FkCounter} and {@code FkIfZero} (SQLite's {@code OP_FkCounter} and
 * {@code OP_FkIfZero}), kept out of {@link Vm}'s step loop. The statement's counter lives in {@link StatementTxn}
 * (one per statement, shared by the trigger programs it runs, as SQLite's {@code p->nFkConstraint}); the
 * connection's in {@link ForeignKeyCounters}.
 */
final class ForeignKeyOps {
    private ForeignKeyOps() {
    }

    /** Runs the instruction at {@code pc} when it is a foreign key opcode (true), leaving {@code vm}'s pc after it. */
    static boolean run(Vm vm, int pc) {
        Program p = vm.current();
        ForeignKeyCounters fk = vm.db().foreignKeys;
        switch (p.opcode[pc]) {
            case Opcode.FK_COUNTER:
                if (fk.deferAll()) {
                    fk.deferredImmediate += p.p2[pc];
                } else if (p.p1[pc] != 0) {
                    fk.deferred += p.p2[pc];
                } else {
                    vm.txn().addFkConstraints(p.p2[pc]);
                }
                vm.advance();
                return true;
            case Opcode.FK_IF_ZERO: {
                boolean zero = p.p1[pc] != 0 ? !fk.outstanding()
                        : vm.txn().fkConstraints() == 0 && fk.deferredImmediate == 0;
                if (zero) {
                    vm.jumpTo(p.p2[pc]);
                } else {
                    vm.advance();
                }
                return true;
            }
            default:
                return false;
        }
    }
}
