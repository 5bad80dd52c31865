package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vacuum.VacuumPlan;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles {@code VACUUM [schema] [INTO expr]} as SQLite's {@code sqlite3Vacuum}: for {@code temp} nothing
 * (the INTO expression is not even looked at); otherwise the INTO expression (any expression, resolved with no
 * table in scope) into a register, then {@code Vacuum} of the named database (main or an attached one), and
 * for VACUUM in place {@code ParseSchema} of that database (the root pages changed). VACUUM opens a write
 * transaction on the vacuumed database, VACUUM INTO a read transaction, in the prologue (the Vacuum opcode
 * names its database, so {@link Parse#finish} opens an attached database's transaction). The
 * {@code PRAGMA page_size} asked for since the last VACUUM applies to a VACUUM INTO file and is then forgotten,
 * as SQLite's {@code nextPagesize}.
 */
final class VacuumCoder {
    private final Parse p;
    private final ConnectionPragmas pragmas;
    private final SelectCoder selects;

    VacuumCoder(Parse p, ConnectionPragmas pragmas, SelectCoder selects) {
        this.p = p;
        this.pragmas = pragmas;
        this.selects = selects;
    }

    void compile(Stmt.Vacuum st) throws SqliteException {
        int iDb = database(st.schema());
        if (iDb == 1) {
            return;
        }
        int into = 0;
        if (st.into() != null) {
            into = p.reg();
            selects.ex.codeTo(st.into(), p.rootScope(), into);
            p.needRead();
        } else {
            p.needWrite();
        }
        int pageSize = pragmas == null ? 0 : pragmas.nextPageSize;
        if (pragmas != null) {
            pragmas.nextPageSize = 0;
        }
        p.v.addOp(Opcode.VACUUM, iDb, into, into != 0 ? pageSize : 0, plan(p.schema.database(iDb)));
        if (into == 0) {
            p.v.addOp(Opcode.PARSE_SCHEMA, iDb, 0, 0, null);
        }
    }

    /**
     * The database VACUUM names: 0 main (also when none is named), 1 temp, 2 and up an attached database; else
     * "unknown database".
     */
    int database(Name name) throws SqliteException {
        if (name == null) {
            return 0;
        }
        int iDb = p.schema.findDatabase(name.text());
        if (iDb < 0) {
            throw SqliteException.error("unknown database " + name.text());
        }
        return iDb;
    }

    /** The tables of {@code db} whose rows VACUUM numbers afresh, and its AUTOINCREMENT tables. */
    private static VacuumPlan plan(Schema db) {
        List<String> renumbered = new ArrayList<>();
        List<String> autoincrement = new ArrayList<>();
        for (Table t : db.tables()) {
            if (!t.withoutRowid() && t.rowidAlias() < 0 && t.indexes().isEmpty()) {
                renumbered.add(t.name());
            }
            if (t.autoincrement()) {
                autoincrement.add(t.name());
            }
        }
        return new VacuumPlan(renumbered.toArray(new String[0]), autoincrement.toArray(new String[0]));
    }
}
