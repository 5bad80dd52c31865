package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.Program;
import dev.skerry.engine.vdbe.ProgramBuilder;
import java.util.ArrayList;

/**
 * The state of compiling one statement (SQLite's {@code Parse}): the program being built, the schema names
 * resolve against, the SQL text the syntax tree's spans point into, and what the prologue must do.
 *
 * <p>Life cycle: {@link #begin()} emits {@code Init}; the statement coder emits the body and may register
 * constants ({@link #constant}), the transaction it needs ({@link #needRead()}/{@link #needWrite()}) and
 * parameters; {@link #finish()} emits the final {@code Halt}, then the prologue ({@code Transaction} with
 * the schema cookie, the constants) and a {@code Goto} back to address 1, and returns the program.
 * Invariant: constants are registers written only by the prologue, so code may read them anywhere.
 */
final class Parse {
    final ProgramBuilder v = new ProgramBuilder();
    final Schema schema;
    /** The SQL text the syntax tree being compiled points into (a view's own text while its query is compiled). */
    String sql;
    final Functions functions;
    /** The connection's PRAGMA settings (for the table-valued pragma functions). */
    ConnectionPragmas pragmas = ConnectionPragmas.detached();
    private final int prologue;
    private boolean read;
    private boolean write;
    /**
     * The databases that the statement's programs (its trigger programs included) read and write, as
     * {@code ProgramBuilder#databasesRead()}; the statement's prologue opens a transaction on each.
     */
    private int databasesRead;
    private int databasesWritten;
    private final ArrayList<Object> constants = new ArrayList<>();
    private final ArrayList<Integer> constantRegisters = new ArrayList<>();
    private String[] parameterNames = new String[0];
    private int depth;
    /** The views whose queries are being expanded (a view met again inside its own expansion is circular). */
    final ArrayList<dev.skerry.engine.schema.View> expandingViews = new ArrayList<>();
    /** True when compiling for EXPLAIN QUERY PLAN: loops emit {@code Explain} instructions. */
    boolean explainQueryPlan;
    private int explainId;
    /** The statement's Parse when this one compiles a trigger program, else null. */
    private Parse outerParse;
    /** The trigger being compiled as this program, or null. */
    dev.skerry.engine.schema.Trigger trigger;
    /**
     * While ALTER TABLE checks a trigger: the columns its steps name as INSERT or SET targets are not checked
     * (SQLite checks them only when the trigger runs).
     */
    boolean deferTargetColumns;
    /** While ALTER TABLE compiles a view or trigger: what records its references to the renamed table or column; else null. */
    RenameWatch rename;
    /** In a trigger program: the scope holding OLD and NEW, the outermost scope of every statement; else null. */
    Scope triggerScope;
    /** In a trigger program: the firing statement's conflict clause, which overrides the steps' own ({@link dev.skerry.engine.schema.Conflict}). */
    int triggerConflict;
    /** The trigger programs compiled for this statement, by trigger and conflict clause (root Parse only). */
    private java.util.IdentityHashMap<dev.skerry.engine.schema.Trigger, dev.skerry.engine.vdbe.SubProgram[]> triggerPrograms;
    /** {@code PRAGMA defer_foreign_keys} was on when the statement was compiled. */
    boolean deferForeignKeys;
    /** The id (address) of the Explain line new lines go under, 0 at the top. */
    private int explainParent;
    private SelectIds selectIds;
    /**
     * Whether each {@code IN (SELECT ...)} subquery met so far is independent of its enclosing queries
     * ({@link WhereTerm#markIndependent}), shared with the scratch compilations that find it out, so that
     * each subquery is tried once however deeply such subqueries nest.
     */
    java.util.IdentityHashMap<Object, Boolean> independentSubqueries = new java.util.IdentityHashMap<>();

    /** {@code PRAGMA ignore_check_constraints} when the statement is compiled: no CHECK constraint is coded. */
    boolean ignoreChecks;

    Parse(Schema schema, String sql, Functions functions) {
        this.schema = schema;
        this.sql = sql;
        this.functions = functions;
        this.prologue = v.makeLabel();
    }

    /**
     * A Parse for a throw-away compilation of part of this statement (to learn a query's shape): same text, and
     * in a trigger program the same OLD and NEW.
     */
    Parse scratch() {
        Parse s = new Parse(schema, sql, functions);
        s.triggerScope = triggerScope;
        s.trigger = trigger;
        return s;
    }

    /** A Parse compiling the program of {@code trigger} for the statement compiled by {@code outer}. */
    static Parse forTrigger(Parse outer, dev.skerry.engine.schema.Trigger trigger, int conflict) {
        Parse sub = new Parse(outer.schema, trigger.sql(), outer.functions);
        sub.pragmas = outer.pragmas;
        sub.outerParse = outer.statementParse();
        sub.trigger = trigger;
        sub.triggerConflict = conflict;
        sub.deferTargetColumns = outer.deferTargetColumns;
        sub.ignoreChecks = outer.ignoreChecks;
        sub.deferForeignKeys = outer.deferForeignKeys;
        return sub;
    }

    /** The database of the trigger being compiled (0 when none, or main's; 1 TEMP; 2… attached). */
    int triggerDb() {
        if (trigger == null) {
            return 0;
        }
        if (trigger.temp()) {
            return 1;
        }
        for (int db = 2; db < schema.databaseCount(); db++) {
            if (schema.database(db).findMainTrigger(trigger.name()) == trigger) {
                return db;
            }
        }
        return 0;
    }

    /**
     * The attached database whose trigger is being compiled or whose view is being expanded (innermost), whose
     * unqualified table names are its own (SQLite's {@code sqlite3FixSrcList}); 0 when none.
     */
    int boundDb() {
        int t = triggerDb();
        if (t >= 2) {
            return t;
        }
        if (expandingViews.isEmpty()) {
            return 0;
        }
        dev.skerry.engine.schema.View v = expandingViews.get(expandingViews.size() - 1);
        for (int db = 2; db < schema.databaseCount(); db++) {
            if (schema.database(db).findOwnView(v.name()) == v) {
                return db;
            }
        }
        return 0;
    }

    /** The schema's foreign keys when {@code PRAGMA foreign_keys} is on, else null. */
    ForeignKeys foreignKeys() throws SqliteException {
        return pragmas == null || !pragmas.foreignKeys ? null : pragmas.foreignKeyIndex(schema);
    }

    /** The Parse of the statement (this one unless compiling a trigger program). */
    Parse statementParse() {
        return outerParse == null ? this : outerParse;
    }

    /** The sub-program of {@code trigger} for conflict clause {@code conflict} (null when not yet made), shared by the whole statement. */
    dev.skerry.engine.vdbe.SubProgram triggerProgram(dev.skerry.engine.schema.Trigger t, int conflict) {
        Parse root = statementParse();
        if (root.triggerPrograms == null) {
            return null;
        }
        dev.skerry.engine.vdbe.SubProgram[] byConflict = root.triggerPrograms.get(t);
        return byConflict == null ? null : byConflict[conflict];
    }

    void putTriggerProgram(dev.skerry.engine.schema.Trigger t, int conflict, dev.skerry.engine.vdbe.SubProgram sp) {
        Parse root = statementParse();
        if (root.triggerPrograms == null) {
            root.triggerPrograms = new java.util.IdentityHashMap<>();
        }
        root.triggerPrograms.computeIfAbsent(t, k -> new dev.skerry.engine.vdbe.SubProgram[6])[conflict] = sp;
    }

    /** A new outermost scope: empty, or in a trigger program inside the scope of OLD and NEW. */
    Scope rootScope() {
        return newScope(triggerScope);
    }

    /**
     * A new scope inside {@code outer} (null: outermost), watched by {@link #rename} when ALTER TABLE compiles
     * a view or trigger to find its references to the renamed table or column.
     */
    Scope newScope(Scope outer) {
        Scope s = new Scope(outer, schema);
        if (s.watch == null) {
            s.watch = rename;
        }
        return s;
    }

    /** {@code outer}, or the scope of OLD and NEW for a statement's outermost query in a trigger program. */
    Scope outer(Scope outer) {
        return outer != null ? outer : triggerScope;
    }

    /** The conflict clause a statement of a trigger program uses: the firing statement's when it has one. */
    int conflict(int own) {
        return trigger != null && triggerConflict != dev.skerry.engine.schema.Conflict.DEFAULT ? triggerConflict : own;
    }

    /** Emits {@code Init}, the first instruction. */
    void begin() {
        v.addOp(Opcode.INIT, 0, prologue);
    }

    /** The statement reads the database: the prologue opens a read transaction. */
    void needRead() {
        read = true;
        if (outerParse != null) {
            outerParse.needRead();
        }
    }

    /** The statement writes the database: the prologue opens a write transaction. */
    void needWrite() {
        write = true;
        if (outerParse != null) {
            outerParse.needWrite();
        }
    }

    /** A register holding {@code value} (Long, Double, String, byte[] or null for NULL), loaded once by the prologue. */
    int constant(Object value) {
        for (int k = 0; k < constants.size(); k++) {
            Object c = constants.get(k);
            if (c == null ? value == null : value != null && c.getClass() == value.getClass() && sameValue(c, value)) {
                return constantRegisters.get(k);
            }
        }
        int reg = v.allocRegister();
        constants.add(value);
        constantRegisters.add(reg);
        return reg;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof byte[]) {
            return java.util.Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof Double) {
            return Double.doubleToRawLongBits((Double) a) == Double.doubleToRawLongBits((Double) b);
        }
        return a.equals(b);
    }

    /** Records that parameter {@code index} (1-based) exists, with its name ({@code null} for a bare {@code ?}). */
    void parameter(int index, String name) {
        if (index > parameterNames.length) {
            String[] n = new String[index];
            System.arraycopy(parameterNames, 0, n, 0, parameterNames.length);
            parameterNames = n;
        }
        if (name != null && !name.equals("?")) {
            parameterNames[index - 1] = name;
        }
    }

    /** Enters a nested query; fails as SQLite does past its expression depth limit. */
    void enter() throws SqliteException {
        if (++depth > 1000) {
            throw SqliteException.error("Expression tree is too large (maximum depth 1000)");
        }
    }

    void leave() {
        depth--;
    }

    /** Emits the end of the program and the prologue; returns the finished program. */
    Program finish() {
        v.addOp(Opcode.HALT);
        v.resolveLabel(prologue);
        Parse root = statementParse();
        root.databasesRead |= v.databasesRead();
        root.databasesWritten |= v.databasesWritten();
        // A statement that writes only other databases (TEMP, attached) reads main (SQLite does not lock or
        // change main then).
        boolean mainWrite = write && !((databasesWritten & 1) == 0 && (databasesWritten & ~1) != 0);
        if ((read || write) && outerParse == null) {
            v.addOp(Opcode.TRANSACTION, 0, mainWrite ? Opcode.TXN_WRITE : Opcode.TXN_READ, schema.cookie(),
                    Integer.valueOf(schema.tempVersion()), 1);
        }
        for (int iDb = 1; iDb < schema.databaseCount() && outerParse == null; iDb++) {
            if ((databasesRead & (1 << iDb)) != 0) {
                v.addOp(Opcode.TRANSACTION, iDb, (databasesWritten & (1 << iDb)) != 0 ? Opcode.TXN_WRITE
                        : Opcode.TXN_READ, schema.database(iDb).cookie(), null, 1);
            }
        }
        for (int k = 0; k < constants.size(); k++) {
            loadValue(constants.get(k), constantRegisters.get(k));
        }
        v.addOp(Opcode.GOTO, 0, 1);
        v.setParameterNames(parameterNames);
        return v.finish();
    }

    /** Emits the instruction that loads a constant value into {@code reg}. */
    void loadValue(Object value, int reg) {
        if (value == null) {
            v.addOp(Opcode.NULL, 0, reg);
        } else if (value instanceof Long) {
            v.addInteger((Long) value, reg);
        } else if (value instanceof Double) {
            v.addReal((Double) value, reg);
        } else if (value instanceof String) {
            v.addString((String) value, reg);
        } else {
            v.addBlob((byte[]) value, reg);
        }
    }

    /**
     * Emits an {@code Explain} line for EXPLAIN QUERY PLAN (nothing otherwise) under the current parent; its id
     * is its address, as in SQLite. Returns the address, or -1 when nothing was emitted.
     */
    int explain(String text) {
        if (!explainQueryPlan) {
            return -1;
        }
        int addr = v.currentAddress();
        v.addOp(Opcode.EXPLAIN, addr, explainParent, 0, text);
        return addr;
    }

    /**
     * Emits the Explain line {@code text} and makes it the parent of the lines that follow, until
     * {@link #explainPop} with the returned value.
     */
    int explainPush(String text) {
        int saved = explainParent;
        int addr = explain(text);
        if (addr >= 0) {
            explainParent = addr;
        }
        return saved;
    }

    /** Restores the parent of Explain lines saved by {@link #explainPush}. */
    void explainPop(int saved) {
        explainParent = saved;
    }

    /**
     * Runs {@code body} with its Explain lines under a line {@code label} (nothing extra when not explaining);
     * returns what the body returns.
     */
    SelectCoder.ResultInfo explainUnder(String label, SelectCoder.Compilation body) throws SqliteException {
        int addr = explain(label);
        if (addr < 0) {
            return body.run();
        }
        int saved = explainParent;
        explainParent = addr;
        try {
            return body.run();
        } finally {
            explainParent = saved;
        }
    }

    /**
     * Runs {@code body}, the compilation of subquery {@code sel}, under the line {@code label N} (SQLite's
     * number of the subquery, see {@link SelectIds}), prefixed with {@code CORRELATED} when the subquery
     * turns out to refer to the enclosing query.
     */
    SelectCoder.ResultInfo explainSubquery(String label, dev.skerry.engine.parser.ast.Select sel,
            SelectCoder.Compilation body) throws SqliteException {
        if (!explainQueryPlan) {
            return body.run();
        }
        if (selectIds == null || !selectIds.isFor(sql)) {
            selectIds = new SelectIds(sql);
        }
        String text = label + " " + selectIds.idOf(sel.start(), sel.end());
        int addr = v.currentAddress();
        SelectCoder.ResultInfo info = explainUnder(text, body);
        if (info.correlated) {
            v.changeP4(addr, "CORRELATED " + text);
        }
        return info;
    }

    /** A label to use with the builder. */
    int label() {
        return v.makeLabel();
    }

    void resolve(int label) {
        v.resolveLabel(label);
    }

    int reg() {
        return v.allocRegister();
    }

    int regs(int n) {
        return v.allocRegisters(n);
    }

    int cursor() {
        return v.allocCursor();
    }
}
