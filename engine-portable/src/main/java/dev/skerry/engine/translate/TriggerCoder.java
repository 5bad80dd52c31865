package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.SubProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires row triggers (SQLite's {@code trigger.c}: {@code sqlite3CodeRowTrigger} and {@code codeRowTrigger}).
 *
 * <p>Each trigger is compiled, once per statement and conflict clause, into a program of its own run by the
 * {@code Program} instruction in a new frame. The statement that fires it hands over one block of registers
 * holding the OLD row (rowid, then the columns) followed by the NEW row (rowid, then the columns); the
 * trigger program copies the block with {@code Param} and reads {@code OLD.x}/{@code NEW.x} from its copy
 * (only qualified names reach them). The program evaluates WHEN (a false or NULL WHEN ends it), then each
 * step: INSERT, UPDATE and DELETE as statements of their own, with the firing statement's conflict clause
 * when it has one, each followed by {@code ResetCount} (so {@code changes()} in the next step counts that
 * step's rows), and SELECT with its rows thrown away. {@code RAISE(IGNORE)} in a trigger sends the firing
 * statement to the {@code ignore} address given here (the end of its row). A trigger does not fire itself
 * unless the connection has recursive triggers on ({@code Program}'s P5).
 */
final class TriggerCoder {
    private TriggerCoder() {
    }

    /**
     * The triggers on {@code tableName} that fire on {@code event} at {@code time}, in firing order; for
     * UPDATE only those whose {@code UPDATE OF} columns include one of {@code changed}.
     */
    static List<Trigger> find(Parse p, String tableName, Stmt.TriggerEvent event, Stmt.TriggerTime time,
            List<String> changed) {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : p.schema.triggersOn(tableName)) {
            if (t.event() == event && t.time() == time
                    && (event != Stmt.TriggerEvent.UPDATE || changed == null || t.overlaps(changed))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * As {@link #find(Parse, String, Stmt.TriggerEvent, Stmt.TriggerTime, List)} for the table {@code table}: the
     * triggers of an attached database's table are its database's own, after the TEMP ones on its name.
     */
    static List<Trigger> find(Parse p, dev.skerry.engine.schema.Table table, Stmt.TriggerEvent event,
            Stmt.TriggerTime time, List<String> changed) {
        List<Trigger> out = new ArrayList<>();
        List<Trigger> on = new ArrayList<>();
        for (Trigger t : p.schema.temp().triggersOn(table.name())) {
            // A TEMP trigger fires on the table it was bound to (unbound: the main or TEMP table of its name).
            if (t.tableDb() == table.db() || t.tableDb() < 0 && table.db() < 2) {
                on.add(t);
            }
        }
        if (table.db() != 1) {
            // Main's triggersOn lists the TEMP triggers on the name too, bound or not: only its own are added.
            for (Trigger t : p.schema.database(table.db()).triggersOn(table.name())) {
                if (!t.temp()) {
                    on.add(t);
                }
            }
        }
        if (table.db() == 0) {
            on = onMain(p, table, on);
        }
        for (Trigger t : on) {
            if (t.event() == event && t.time() == time
                    && (event != Stmt.TriggerEvent.UPDATE || changed == null || t.overlaps(changed))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The triggers main's table {@code table} has, as {@link #find(Parse, String, Stmt.TriggerEvent,
     * Stmt.TriggerTime, List)} lists them: {@code on} holds the TEMP ones bound to it, then main's own (the
     * database's own {@code triggersOn} lists only its own).
     */
    private static List<Trigger> onMain(Parse p, dev.skerry.engine.schema.Table table, List<Trigger> on) {
        List<Trigger> out = new ArrayList<>();
        for (Trigger t : p.schema.triggersOn(table.name())) {
            if (!t.temp() || on.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** A block of registers for the OLD and NEW rows of a source of {@code n} columns (all NULL at first). */
    static int block(Parse p, int n) {
        return p.regs(2 * (n + 1));
    }

    /** The first register of the OLD ({@code part} 0) or NEW ({@code part} 1) row in {@code block}: its rowid. */
    static int row(int block, int n, int part) {
        return block + part * (n + 1);
    }

    /** Copies a row (columns from {@code firstColumn}, rowid in {@code rowid}) into part {@code part} of {@code block}. */
    static void store(Parse p, int block, int n, int part, int firstColumn, int rowid) {
        int at = row(block, n, part);
        if (rowid != 0) {
            p.v.addOp(Opcode.SCOPY, rowid, at);
        }
        for (int i = 0; i < n; i++) {
            p.v.addOp(Opcode.SCOPY, firstColumn + i, at + 1 + i);
        }
    }

    /** Loads the row the cursor of {@code src} is on into part {@code part} of {@code block}. */
    static void load(Parse p, Source src, int block, int part) throws SqliteException {
        int n = src.columnCount();
        int at = row(block, n, part);
        src.loadRowid(p, at);
        for (int i = 0; i < n; i++) {
            src.load(p, i, at + 1 + i);
        }
    }

    /**
     * Emits a {@code Program} instruction for each of {@code triggers}; {@code rows} describes the table's (or
     * view's) columns. {@code conflict} is the firing statement's conflict clause ({@code Conflict}).
     * {@code flags} adds to Program's P5.
     */
    static void fire(Parse p, List<Trigger> triggers, Source rows, int block, int conflict, int ignore, int flags)
            throws SqliteException {
        for (Trigger t : triggers) {
            SubProgram sp = program(p, t, rows, conflict);
            p.v.addOp(Opcode.PROGRAM, block, ignore, 0, sp, Opcode.PROGRAM_NOT_RECURSIVE | flags);
            p.v.comment(t.name());
        }
    }

    static SubProgram program(Parse p, Trigger t, Source rows, int conflict) throws SqliteException {
        SubProgram sp = p.triggerProgram(t, conflict);
        if (sp != null) {
            return sp;
        }
        sp = new SubProgram(t);
        p.putTriggerProgram(t, conflict, sp);
        Parse sub = Parse.forTrigger(p, t, conflict);
        sub.begin();
        int n = rows.columnCount();
        int base = block(sub, n);
        for (int k = 0; k < 2 * (n + 1); k++) {
            sub.v.addOp(Opcode.PARAM, k, base + k);
        }
        body(sub, t, rows, base);
        sp.set(sub.finish());
        return sp;
    }

    /**
     * Compiles WHEN and the steps of {@code t} into {@code sub} (begun), OLD and NEW being {@code rows}' columns in
     * the block of registers at {@code base}. ALTER TABLE also calls it, to resolve a trigger's names.
     */
    static void body(Parse sub, Trigger t, Source rows, int base) throws SqliteException {
        int n = rows.columnCount();
        Scope scope = sub.newScope(null);
        if (t.event() != Stmt.TriggerEvent.INSERT) {
            scope.add(rowSource(rows, "old", row(base, n, 0)));
        }
        if (t.event() != Stmt.TriggerEvent.DELETE) {
            scope.add(rowSource(rows, "new", row(base, n, 1)));
        }
        sub.triggerScope = scope;
        int end = sub.label();
        if (t.when() != null) {
            new SelectCoder(sub).ex.jumpIfFalse(t.when(), scope, end, true);
        }
        for (Stmt st : t.body()) {
            step(sub, st);
        }
        sub.resolve(end);
    }

    /** OLD or NEW: the columns of {@code rows} read from the registers after {@code rowid}. */
    private static Source rowSource(Source rows, String name, int rowid) {
        Source s = rows.table != null ? new Source(rows.table, name, -1)
                : new Source(name, rows.columnNames, rows.affinities, rows.collations, rows.declaredTypes, -1);
        int[] regs = new int[s.columnCount()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = rowid + 1 + i;
        }
        s.readFromRegisters(regs, rowid);
        s.qualifiedOnly = true;
        s.triggerRow = true;
        return s;
    }

    private static void step(Parse sub, Stmt st) throws SqliteException {
        SelectCoder sc = new SelectCoder(sub);
        if (st instanceof Select) {
            sc.compile((Select) st, null, (first, n) -> { });
            return;
        }
        if (st instanceof Stmt.Insert) {
            target(sub, ((Stmt.Insert) st).table());
            new InsertCoder(sub, sc).compile((Stmt.Insert) st);
        } else if (st instanceof Stmt.Update) {
            target(sub, ((Stmt.Update) st).table());
            new UpdateCoder(sub, sc).compile((Stmt.Update) st);
        } else if (st instanceof Stmt.Delete) {
            target(sub, ((Stmt.Delete) st).table());
            new DeleteCoder(sub, sc).compile((Stmt.Delete) st);
        } else {
            throw SqliteException.error("unsupported trigger step");
        }
        sub.v.addOp(Opcode.RESET_COUNT);
    }

    /**
     * A step's table must exist when the trigger fires; SQLite names it with the trigger's schema (none for a
     * TEMP trigger, whose steps see TEMP and main tables).
     */
    private static void target(Parse sub, QualifiedName name) throws SqliteException {
        String n = name.name().text();
        if (sub.schema.findTable(n) == null && sub.schema.findView(n) == null) {
            throw SqliteException.error("no such table: " + (sub.trigger.temp() ? "" : "main.") + n);
        }
    }

    /**
     * The BEFORE UPDATE triggers, as SQLite fires them: NEW is the new row with the columns' affinities applied;
     * afterwards the row is sought again (a trigger may have deleted it: then it is skipped) and the columns
     * the UPDATE does not assign are read again, as a trigger may have changed them.
     */
    static void beforeUpdate(Parse p, Table table, List<Trigger> before, Source src, int block, int newRegs, int newRowid,
            int oldRowid, Expr[] assigned, int onError, int next) throws SqliteException {
        int n = table.columnCount();
        store(p, block, n, 1, newRegs, newRowid);
        StringBuilder aff = new StringBuilder();
        for (int i = 0; i < n; i++) {
            aff.append(table.column(i).affinity());
        }
        p.v.addOp(Opcode.AFFINITY, row(block, n, 1) + 1, n, 0, aff.toString());
        if (table.hasGenerated()) {
            GeneratedColumns.compute(p, new ExprCoder(p, null), table, row(block, n, 1) + 1, row(block, n, 1));
        }
        fire(p, before, src, block, onError, next, 0);
        p.v.addOp(Opcode.NOT_EXISTS, src.cursor, next, oldRowid);
        for (int i = 0; i < n; i++) {
            if (assigned[i] == null && i != table.rowidAlias()) {
                GeneratedColumns.column(p, table, src.cursor, i, newRegs + i);
            }
        }
    }
}
