package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ForeignKeyClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Conflict;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.SubProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Foreign key enforcement for the rows one INSERT, UPDATE or DELETE writes into one table (SQLite's
 * {@code fkey.c}: {@code sqlite3FkCheck}, {@code fkLookupParent}, {@code fkScanChildren},
 * {@code sqlite3FkActions}), used only when {@code PRAGMA foreign_keys} was on when the statement was compiled.
 *
 * <p>Violations are counted, not raised at once: each change that breaks a constraint adds one to a counter
 * ({@code FkCounter}), each change that repairs one takes one away, and the statement fails when it ends with
 * its counter above zero (deferred constraints: when the transaction commits). So a statement may pass
 * through violations it repairs before it ends. As the table's child side, a new row whose key is not NULL
 * and has no parent row adds one and a removed row whose key had no parent takes one away (only while
 * something is outstanding: {@code FkIfZero}); as the parent side, each child row of a removed parent key
 * adds one, and each child row of a new parent key takes one away. Parent rows are found through the
 * parent key's index (or the rowid) with the parent's affinities; child rows by a query on the child table
 * comparing with the parent column's affinity and collation.
 *
 * <p>The actions (ON DELETE/ON UPDATE CASCADE, SET NULL, SET DEFAULT, RESTRICT) run after the row is written as
 * trigger programs made for the constraint, as SQLite makes them ({@code fkActionTrigger}): a DELETE, an UPDATE
 * or a {@code SELECT RAISE(ABORT, ...)} of the child rows whose key equals the old parent key; an UPDATE
 * action only when the parent key's value changed. The row registers: OLD and NEW in one block in the
 * trigger layout ({@link TriggerCoder#block}), which the action programs read with {@code Param}.
 */
final class ForeignKeyCoder {
    /** The name under which the parent row's registers are visible to the child scan (no SQL name can match it). */
    private static final String PARENT_ROW = "\u0001parent";

    private final Parse p;
    private final ForeignKeys keys;
    private final Table table;
    private final List<ForeignKey> childKeys;
    private final List<ForeignKey> parentKeys;
    private final int n;
    private final int block;
    /** UPDATE: whether each column is assigned; null for INSERT and DELETE. */
    private boolean[] changed;
    private boolean rowidChanged;
    /** An INSERT of one row (no SELECT, no triggers): it cannot repair immediate violations as a parent. */
    private boolean singleRow;
    /** DROP TABLE's implicit DELETE: a missing parent table is empty and mismatched keys are skipped. */
    private boolean ignoreErrors;

    private ForeignKeyCoder(Parse p, ForeignKeys keys, Table table) {
        this.p = p;
        this.keys = keys;
        this.table = table;
        this.childKeys = keys.childKeys(table);
        this.parentKeys = keys.parentKeys(table);
        this.n = table.columnCount();
        this.block = TriggerCoder.block(p, n);
    }

    /** The coder for writes into {@code table}, or null when foreign keys are off or none involves the table. */
    static ForeignKeyCoder of(Parse p, Table table) throws SqliteException {
        ForeignKeys keys = p.foreignKeys();
        if (keys == null || (keys.childKeys(table).isEmpty() && keys.parentKeys(table).isEmpty())) {
            return null;
        }
        return new ForeignKeyCoder(p, keys, table);
    }

    /**
     * This coder is for an UPDATE assigning the columns whose {@code assigned} entry is not null; as SQLite's
     * {@code sqlite3Update}, a generated column whose expression reads a changed column (directly or through
     * another generated column) changes too.
     */
    ForeignKeyCoder forUpdate(Expr[] assigned, boolean rowidAssigned) {
        boolean[] updated = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            updated[i] = assigned[i] != null;
        }
        updated[n] = rowidAssigned;
        boolean progress = table.hasGenerated();
        while (progress) {
            progress = false;
            for (int i = 0; i < n; i++) {
                if (!updated[i] && table.column(i).isGenerated()
                        && SelfReference.referencesUpdated(table, table.column(i).generated(), updated)) {
                    updated[i] = true;
                    progress = true;
                }
            }
        }
        changed = java.util.Arrays.copyOf(updated, n);
        rowidChanged = rowidAssigned;
        return this;
    }

    /**
     * The coder for the rows {@code ins} writes into {@code table} (null when none applies); {@code plain}
     * when the INSERT fires no trigger and does not REPLACE. A plain INSERT of one row (DEFAULT VALUES or one
     * VALUES row, no upsert) cannot repair violations as a parent, so it skips that search (SQLite's
     * {@code isMultiWrite} rule).
     */
    static ForeignKeyCoder forInsert(Parse p, Table table, Stmt.Insert ins, boolean plain) throws SqliteException {
        ForeignKeyCoder fk = of(p, table);
        if (fk == null || !plain || !ins.upserts().isEmpty()) {
            return fk;
        }
        dev.skerry.engine.parser.ast.Select select = ins.select();
        fk.singleRow = select == null || (select.isSimple()
                && select.cores().get(0) instanceof dev.skerry.engine.parser.ast.SelectCore.Values
                && select.orderBy().isEmpty() && select.limit() == null
                && ((dev.skerry.engine.parser.ast.SelectCore.Values) select.cores().get(0)).rows().size() == 1);
        return fk;
    }

    /**
     * Deletes the row the cursor of {@code row} is on (REPLACE's deletion, not counted) with {@code writer}:
     * with the checks and actions of {@code fk} around it when not null.
     */
    static void deleteRow(Parse p, ForeignKeyCoder fk, Source row, RowWriter writer) throws SqliteException {
        if (fk != null) {
            fk.loadOld(row);
            fk.checkOld();
        }
        writer.deleteIndexEntries();
        p.v.addOp(Opcode.DELETE, writer.cursor, 0);
        if (fk != null) {
            fk.actions(false);
        }
    }

    /**
     * DROP TABLE of {@code table} with foreign keys on (SQLite's {@code sqlite3FkDropTable}): first an implicit
     * DELETE of every row, firing no trigger but checking and acting on the foreign keys (a missing parent
     * table counts as empty, mismatched keys are skipped); the DROP fails with {@code FOREIGN KEY constraint
     * failed} before changing the schema when immediate violations remain. A table that is no parent and
     * whose keys are all immediate needs nothing; one with deferred keys only when deferred violations are
     * outstanding.
     */
    static void dropTable(Parse p, Table table) throws SqliteException {
        ForeignKeys keys = p.foreignKeys();
        if (keys == null) {
            return;
        }
        int skip = 0;
        if (keys.parentKeys(table).isEmpty()) {
            boolean deferred = false;
            for (ForeignKey fk : keys.childKeys(table)) {
                deferred |= fk.deferred || p.deferForeignKeys;
            }
            if (!deferred) {
                return;
            }
            skip = p.label();
            p.v.addOp(Opcode.FK_IF_ZERO, 1, skip);
        }
        ForeignKeyCoder fk = new ForeignKeyCoder(p, keys, table);
        fk.ignoreErrors = true;
        SelectCoder sc = new SelectCoder(p);
        int rowids = DeleteCoder.collectRowids(p, sc, table, null, null);
        RowWriter writer = new RowWriter(p, sc.ex, table, Conflict.DEFAULT);
        writer.open();
        int done = p.label();
        int next = p.label();
        int rowid = p.reg();
        p.v.addOp(Opcode.REWIND, rowids, done);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, rowids, WithoutRowidCoder.rowidField(table), rowid);
        p.v.addOp(Opcode.NOT_EXISTS, writer.cursor, next, rowid);
        deleteRow(p, fk, new Source(table, table.name(), writer.cursor), writer);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, rowids, top);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, writer.cursor);
        for (int k = 0; k < writer.indexCursors.length; k++) {
            p.v.addOp(Opcode.CLOSE, writer.indexCursors[k]);
        }
        if (!p.deferForeignKeys) {
            int ok = p.label();
            p.v.addOp(Opcode.FK_IF_ZERO, 0, ok);
            p.v.addOp(Opcode.HALT, dev.skerry.engine.ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY, Opcode.OE_ABORT, 0,
                    null, Opcode.P5_CONSTRAINT_FK);
            p.resolve(ok);
        }
        if (skip != 0) {
            p.resolve(skip);
        }
    }

    /** Copies the row the cursor of {@code src} is on (the row to delete or update) into the OLD registers. */
    void loadOld(Source src) throws SqliteException {
        TriggerCoder.load(p, src, block, 0);
    }

    /** Checks for removing the OLD row (DELETE, or the first half of an UPDATE); before the row is removed. */
    void checkOld() throws SqliteException {
        check(0);
    }

    /** Copies the new row into the NEW registers and checks for adding it; just before it is written. */
    void checkNew(int newRegs, int rowidReg) throws SqliteException {
        TriggerCoder.store(p, block, n, 1, newRegs, rowidReg);
        check(1);
    }

    /** The register of column {@code c} (the rowid for the INTEGER PRIMARY KEY) of OLD (0) or NEW (1). */
    private int reg(int part, int c) {
        int rowid = TriggerCoder.row(block, n, part);
        return c < 0 || c == table.rowidAlias() ? rowid : rowid + 1 + c;
    }

    private static int deferred(ForeignKey fk) {
        return fk.deferred ? 1 : 0;
    }

    private void check(int part) throws SqliteException {
        boolean old = part == 0;
        for (ForeignKey fk : childKeys) {
            if (changed != null && !childModified(fk)) {
                continue;
            }
            Table parent = p.schema.findTable(fk.parentName);
            if (parent == null && p.schema.findView(fk.parentName) != null) {
                if (ignoreErrors) {
                    continue;
                }
                throw fk.mismatch();
            }
            if (parent == null) {
                if (!ignoreErrors) {
                    throw SqliteException.error("no such table: main." + fk.parentName);
                }
                // A dropped table's rows leave a missing parent: each with a key repairs one violation.
                int skip = p.label();
                for (int c : fk.childColumns) {
                    p.v.addOp(Opcode.IS_NULL, reg(part, c), skip);
                }
                p.v.addOp(Opcode.FK_COUNTER, deferred(fk), -1);
                p.resolve(skip);
                continue;
            }
            int[] map = new int[fk.size()];
            Index index;
            try {
                index = fk.parentIndex(parent, map);
            } catch (SqliteException e) {
                if (ignoreErrors) {
                    continue;
                }
                throw e;
            }
            if (old) {
                lookupParent(parent, index, fk, map, part, -1);
            } else if (!isSetNullAction(fk)) {
                lookupParent(parent, index, fk, map, part, 1);
            }
        }
        for (ForeignKey fk : parentKeys) {
            if (changed != null && !parentModified(fk)) {
                continue;
            }
            if (!old && singleRow && !fk.deferred && !p.deferForeignKeys && p.trigger == null) {
                continue;
            }
            int[] map = new int[fk.size()];
            Index index;
            try {
                index = fk.parentIndex(table, map);
            } catch (SqliteException e) {
                if (ignoreErrors) {
                    continue;
                }
                throw e;
            }
            scanChildren(fk, index, map, part, old ? 1 : -1);
        }
    }

    /** Whether this code is the SET NULL action of {@code fk} itself: its new child keys are all NULL. */
    private boolean isSetNullAction(ForeignKey fk) {
        return p.trigger != null
                && ((p.trigger == keys.action(fk, false) && fk.onDelete == ForeignKeyClause.Action.SET_NULL)
                || (p.trigger == keys.action(fk, true) && fk.onUpdate == ForeignKeyClause.Action.SET_NULL));
    }

    private boolean childModified(ForeignKey fk) {
        for (int c : fk.childColumns) {
            if (changed[c] || (c == table.rowidAlias() && rowidChanged)) {
                return true;
            }
        }
        return false;
    }

    private boolean parentModified(ForeignKey fk) {
        for (int k = 0; k < fk.size(); k++) {
            for (int c = 0; c < n; c++) {
                if (!changed[c] && !(c == table.rowidAlias() && rowidChanged)) {
                    continue;
                }
                if (fk.parentColumns != null ? Names.equal(table.column(c).name(), fk.parentColumns[k])
                        : table.column(c).primaryKey()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The child side: is there a parent row for the key of row {@code part}? Counts {@code incr} when there is
     * not (SQLite's {@code fkLookupParent}). A row that is its own parent (self-reference) counts as found.
     */
    private void lookupParent(Table parent, Index index, ForeignKey fk, int[] map, int part, int incr) {
        int ok = p.label();
        if (incr < 0) {
            p.v.addOp(Opcode.FK_IF_ZERO, deferred(fk), ok);
        }
        for (int k = 0; k < fk.size(); k++) {
            p.v.addOp(Opcode.IS_NULL, reg(part, index == null ? fk.childColumns[0] : map[k]), ok);
        }
        int cursor = p.cursor();
        if (index == null) {
            int tmp = p.reg();
            int missing = p.label();
            p.v.addOp(Opcode.COPY, reg(part, fk.childColumns[0]), tmp);
            p.v.addOp(Opcode.MUST_BE_INT, tmp, missing);
            if (parent == table && incr > 0) {
                p.v.addOp(Opcode.EQ, reg(part, -1), ok, tmp, null, 0);
            }
            p.v.addOp(Opcode.OPEN_READ, cursor, parent.rootPage(), 0, KeyInfos.table(parent));
            p.v.addOp(Opcode.NOT_EXISTS, cursor, missing, tmp);
            p.v.addOp(Opcode.GOTO, 0, ok);
            p.resolve(missing);
        } else {
            int nk = fk.size();
            int tmp = p.regs(nk);
            p.v.addOp(Opcode.OPEN_READ, cursor, index.rootPage(), 0, KeyInfos.cursor(index));
            for (int k = 0; k < nk; k++) {
                p.v.addOp(Opcode.COPY, reg(part, map[k]), tmp + k);
            }
            if (parent == table && incr > 0) {
                int other = p.label();
                for (int k = 0; k < nk; k++) {
                    p.v.addOp(Opcode.NE, reg(part, map[k]), other, reg(part, index.column(k)), null,
                            Opcode.JUMPIFNULL);
                }
                p.v.addOp(Opcode.GOTO, 0, ok);
                p.resolve(other);
            }
            StringBuilder aff = new StringBuilder();
            for (int k = 0; k < nk; k++) {
                aff.append(parent.column(index.column(k)).affinity());
            }
            p.v.addOp(Opcode.AFFINITY, tmp, nk, 0, aff.toString());
            p.v.addOp(Opcode.FOUND, cursor, ok, tmp, Integer.valueOf(nk));
        }
        p.v.addOp(Opcode.FK_COUNTER, deferred(fk), incr);
        p.resolve(ok);
        p.v.addOp(Opcode.CLOSE, cursor);
    }

    /**
     * The parent side: counts {@code incr} for each child row whose key equals the parent key of row
     * {@code part} (SQLite's {@code fkScanChildren}); the comparison applies the parent column's affinity and
     * collation. A row of a self-referencing table is not its own child here.
     */
    private void scanChildren(ForeignKey fk, Index index, int[] map, int part, int incr) throws SqliteException {
        int skip = p.label();
        if (incr < 0) {
            p.v.addOp(Opcode.FK_IF_ZERO, deferred(fk), skip);
        }
        Table child = fk.child;
        Scope outer = p.rootScope();
        Source row = new Source(table, PARENT_ROW, -1);
        int[] regs = new int[n];
        for (int c = 0; c < n; c++) {
            regs[c] = reg(part, c);
        }
        row.readFromRegisters(regs, reg(part, -1));
        row.qualifiedOnly = true;
        outer.add(row);
        Scope scope = new Scope(outer, p.schema);
        Source src = new Source(child, child.name(), p.cursor());
        scope.add(src);
        Expr where = null;
        for (int k = 0; k < fk.size(); k++) {
            int parentColumn = index == null ? table.rowidAlias() : index.column(k);
            int childColumn = index == null ? fk.childColumns[0] : map[k];
            where = and(where, new Expr.Binary(Expr.BinaryOp.EQ, ref(PARENT_ROW, table.column(parentColumn).name()),
                    ref(child.name(), child.column(childColumn).name()), 0, 0));
        }
        if (child == table && incr > 0 && table.withoutRowid()) {
            // Not the parent row itself: SQLite compares the PRIMARY KEY columns of a WITHOUT ROWID table.
            Expr same = null;
            Index pk = table.primaryKey();
            for (int k = 0; k < pk.columnCount(); k++) {
                String col = table.column(pk.column(k)).name();
                same = and(same, new Expr.Binary(Expr.BinaryOp.EQ, ref(PARENT_ROW, col), ref(child.name(), col), 0, 0));
            }
            where = and(where, new Expr.Unary(Expr.UnaryOp.NOT, same, 0, 0));
        } else if (child == table && incr > 0) {
            where = and(where, new Expr.Binary(Expr.BinaryOp.NE, ref(PARENT_ROW, "rowid"),
                    ref(child.name(), "rowid"), 0, 0));
        }
        List<Source> sources = scope.sources;
        List<WhereTerm> terms = new ArrayList<>();
        WhereTerm.split(where, scope, sources, -1, terms);
        boolean[][] needed = Usage.empty(sources);
        for (WhereTerm t : terms) {
            Usage.mark(t.expr, scope, sources, needed);
        }
        WhereLoop w = WhereLoop.begin(p, new SelectCoder(p).ex, scope, sources, new boolean[1], terms, null, needed);
        p.v.addOp(Opcode.FK_COUNTER, deferred(fk), incr);
        w.end();
        p.resolve(skip);
    }

    private static Expr and(Expr a, Expr b) {
        return a == null ? b : new Expr.Binary(Expr.BinaryOp.AND, a, b, 0, 0);
    }

    private static Expr ref(String table, String column) {
        return new Expr.ColumnRef(null, new Name(table, Name.Quote.BRACKET, 0, 0),
                new Name(column, Name.Quote.BRACKET, 0, 0), 0, 0);
    }

    /**
     * The actions of the constraints referring to this table, for the row just deleted ({@code update} false)
     * or updated (SQLite's {@code sqlite3FkActions}): each runs as a trigger program reading OLD and NEW.
     */
    void actions(boolean update) throws SqliteException {
        for (ForeignKey fk : parentKeys) {
            if (update && !parentModified(fk)) {
                continue;
            }
            Trigger t = actionTrigger(fk, update);
            if (t == null) {
                continue;
            }
            SubProgram sp = TriggerCoder.program(p, t, new Source(table, table.name(), -1), Conflict.ABORT);
            int after = p.label();
            p.v.addOp(Opcode.PROGRAM, block, after, 0, sp, 0);
            p.v.comment("fk action");
            p.resolve(after);
        }
    }

    /** The action of {@code fk} as a trigger (SQLite's {@code fkActionTrigger}), or null when it has none. */
    private Trigger actionTrigger(ForeignKey fk, boolean update) throws SqliteException {
        ForeignKeyClause.Action action = fk.action(update);
        if (action == ForeignKeyClause.Action.NO_ACTION
                || (action == ForeignKeyClause.Action.RESTRICT && p.deferForeignKeys)) {
            return null;
        }
        Trigger made = keys.action(fk, update);
        if (made != null) {
            return made;
        }
        int[] map = new int[fk.size()];
        Index index = fk.parentIndex(table, map);
        Table child = fk.child;
        StringBuilder where = new StringBuilder();
        StringBuilder when = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (int k = 0; k < fk.size(); k++) {
            String to = quote(table.column(index == null ? table.rowidAlias() : index.column(k)).name());
            int from = index == null ? fk.childColumns[0] : map[k];
            String sep = k == 0 ? "" : " AND ";
            where.append(sep).append("\"old\".").append(to).append(" = ").append(quote(child.column(from).name()));
            when.append(sep).append("\"old\".").append(to).append(" IS \"new\".").append(to);
            set.append(k == 0 ? "" : ", ").append(quote(child.column(from).name())).append(" = ");
            switch (action) {
                case CASCADE:
                    set.append("\"new\".").append(to);
                    break;
                case SET_DEFAULT: {
                    String dflt = defaultText(child, from);
                    set.append(dflt == null ? "NULL" : "(" + dflt + ")");
                    break;
                }
                default:
                    set.append("NULL");
            }
        }
        String body;
        if (action == ForeignKeyClause.Action.RESTRICT) {
            body = "SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed') FROM " + quote(child.name()) + " WHERE "
                    + where;
        } else if (action == ForeignKeyClause.Action.CASCADE && !update) {
            body = "DELETE FROM " + quote(child.name()) + " WHERE " + where;
        } else {
            body = "UPDATE " + quote(child.name()) + " SET " + set + " WHERE " + where;
        }
        String sql = "CREATE TRIGGER fk AFTER " + (update ? "UPDATE" : "DELETE") + " ON " + quote(table.name())
                + (update ? " WHEN NOT (" + when + ")" : "") + " BEGIN " + body + "; END";
        Stmt.CreateTrigger ct = (Stmt.CreateTrigger) Parser.parseFirst(sql).statement();
        Trigger t = new Trigger(null, table.name(), sql, Stmt.TriggerTime.AFTER,
                update ? Stmt.TriggerEvent.UPDATE : Stmt.TriggerEvent.DELETE, List.of(), ct.when(), ct.body(), false);
        keys.putAction(fk, update, t);
        return t;
    }

    /** The DEFAULT text of column {@code c} of {@code t} as written, or null. */
    private static String defaultText(Table t, int c) throws SqliteException {
        if (t.column(c).defaultValue() == null || t.sql() == null) {
            return null;
        }
        Stmt st = Parser.parseFirst(t.sql()).statement();
        if (!(st instanceof Stmt.CreateTable)) {
            return null;
        }
        for (ColumnDef def : ((Stmt.CreateTable) st).columns()) {
            if (Names.equal(def.name().text(), t.column(c).name())) {
                for (ColumnConstraint cc : def.constraints()) {
                    if (cc instanceof ColumnConstraint.Default) {
                        return ((ColumnConstraint.Default) cc).text();
                    }
                }
            }
        }
        return null;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
