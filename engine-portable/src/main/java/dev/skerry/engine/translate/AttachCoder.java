package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.vdbe.Opcode;

/**
 * ATTACH and DETACH: the file and name expressions are computed into registers and handed to the
 * {@code Attach}/{@code Detach} opcodes, which open or close the database while the statement runs (the open
 * may wait for I/O). As SQLite's {@code resolveAttachExpr}, a bare identifier is taken as its text
 * ({@code ATTACH f AS aux} attaches the file {@code f} as {@code aux}); other expressions may not name columns.
 */
final class AttachCoder {
    private final Parse p;

    AttachCoder(Parse p) {
        this.p = p;
    }

    void attach(Stmt.Attach st) throws SqliteException {
        if (st.key() != null) {
            throw SqliteException.error("not supported: ATTACH with KEY");
        }
        int file = value(st.file());
        int name = value(st.schema());
        p.v.addOp(Opcode.ATTACH, file, name);
    }

    void detach(Stmt.Detach st) throws SqliteException {
        p.v.addOp(Opcode.DETACH, value(st.schema()));
    }

    /** Codes {@code e} into a new register (a lone identifier as its text). */
    private int value(Expr e) throws SqliteException {
        int reg = p.reg();
        if (e instanceof Expr.ColumnRef && ((Expr.ColumnRef) e).table() == null) {
            p.v.addString(((Expr.ColumnRef) e).column().text(), reg);
            return reg;
        }
        new ExprCoder(p, null).codeTo(e, new Scope(null, p.schema), reg);
        return reg;
    }
}
