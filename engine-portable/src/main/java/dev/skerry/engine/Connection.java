package dev.skerry.engine;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.parser.ParseResult;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Stat1;
import dev.skerry.engine.translate.ConnectionPragmas;
import dev.skerry.engine.translate.Translator;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.vdbe.ConnectionState;
import dev.skerry.engine.vdbe.Program;
import dev.skerry.engine.vdbe.SchemaReader;
import dev.skerry.engine.vdbe.StatReader;
import dev.skerry.engine.vdbe.Vm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One open database (SQLite's {@code sqlite3} handle). {@link #open} does no I/O; {@link #openStep()} is
 * called until it returns DONE (it opens the file, runs WAL recovery and loads the schema); then statements
 * are prepared and stepped; {@link #closeStep()} is called until DONE to close.
 *
 * <p>States: OPENING → (openStep DONE) → OPEN → (closeStep) CLOSING → CLOSED. In OPEN any number of
 * statements may exist and run interleaved; they share one transaction state (autocommit, or the explicit
 * transaction BEGIN started). An error of {@code openStep} leaves the connection OPENING: the host may
 * retry or drop it.
 */
public final class Connection {
    private static final int OPENING = 0;
    private static final int OPEN = 1;
    private static final int CLOSING = 2;
    private static final int CLOSED = 3;

    private final Pager pager;
    private final ConnectionState db;
    private final SchemaReader schemaReader;
    private final List<Statement> statements = new ArrayList<>();
    private int state = OPENING;
    private int openPhase;
    private List<Completion> pending = Collections.emptyList();
    private List<SchemaReader.Row> schemaRows = Collections.emptyList();
    /** The rows of the last committed schema: what a rollback returns to (identical to schemaRows when unchanged). */
    private List<SchemaReader.Row> committedRows = Collections.emptyList();
    /** The rows of the TEMP database's sqlite_schema as last loaded, and as last committed (same rules as above). */
    private List<SchemaReader.Row> tempRows = Collections.emptyList();
    private List<SchemaReader.Row> committedTempRows = Collections.emptyList();
    /** The attached databases' schema rows, database {@code 2 + k} at {@code k} ({@link AttachedSchemas}). */
    private final AttachedSchemas attachedSchemas = new AttachedSchemas();
    /** Reads the TEMP database's sqlite_schema; null until the TEMP database is first written. */
    private SchemaReader tempReader;
    /** Reads sqlite_stat1 with the schema; its rows as last loaded (tbl, idx, stat) and as last committed. */
    private final StatReader statReader;
    private List<String[]> statRows = Collections.emptyList();
    private List<String[]> committedStatRows = Collections.emptyList();
    /** The in-memory schema the translator compiles against. */
    private final Schema schema = new Schema();
    /** The settings PRAGMA statements read and change. */
    private final ConnectionPragmas pragmas;

    private Connection(Vfs vfs, String path) {
        this.pager = Pager.open(vfs, path);
        this.schemaReader = new SchemaReader(pager);
        this.statReader = new StatReader(pager);
        this.pragmas = new ConnectionPragmas(pager, this::tableAndViewNames, this::isAutocommit);
        this.db = new ConnectionState(pager, new ConnectionState.SchemaLoader() {
            @Override
            public void reloadSchema(int iDb) throws IoPending, SqliteException {
                if (iDb == 1) {
                    loadTempSchema();
                } else if (iDb >= 2) {
                    attachedSchemas.reload(schema, iDb);
                } else {
                    loadSchema();
                }
            }

            @Override
            public void committed() {
                committedRows = schemaRows;
                committedStatRows = statRows;
                committedTempRows = tempRows;
                attachedSchemas.committed();
            }

            @Override
            public void rolledBack() throws SqliteException {
                if (schemaRows != committedRows || statRows != committedStatRows) {
                    schemaRows = committedRows;
                    statRows = committedStatRows;
                    rebuildSchema();
                }
                if (tempRows != committedTempRows) {
                    tempRows = committedTempRows;
                    rebuildTempSchema();
                }
                attachedSchemas.rolledBack(schema);
            }

            @Override
            public void dropTable(int iDb, String name) {
                schema.database(iDb).dropTable(name);
            }

            @Override
            public void dropIndex(int iDb, String name) {
                schema.database(iDb).dropIndex(name);
            }

            @Override
            public void dropTrigger(int iDb, String name) {
                schema.database(iDb).dropTrigger(name);
            }

            @Override
            public void expire() {
                schema.expire();
            }

            @Override
            public int tempVersion() {
                return schema.tempVersion();
            }

            @Override
            public void loadAttached(int iDb, String name, Pager p) throws IoPending, SqliteException {
                attachedSchemas.load(schema, iDb, name, p);
            }

            @Override
            public void detached(int iDb) {
                attachedSchemas.detach(schema, iDb);
            }
        });
        pragmas.useForeignKeyCounters(db.foreignKeys);
        pragmas.attach(db);
        pragmas.setTempDatabase(() -> db.openPager(1) != null, () -> tableAndViewNames(tempRows));
        pragmas.setTempReset(this::resetTemp);
        pragmas.setAttachedOrder(iDb -> tableAndViewNames(attachedSchemas.rows(iDb)));
    }

    /** A connection to the database at {@code path} of {@code vfs}; no I/O (call {@link #openStep()}). */
    public static Connection open(Vfs vfs, String path) {
        return new Connection(vfs, path);
    }

    /** Opens the database and loads its schema: DONE when ready, IO to be called again after I/O. */
    public StepResult openStep() throws SqliteException {
        if (state != OPENING) {
            return StepResult.DONE;
        }
        try {
            if (openPhase == 0) {
                pager.openStep();
                openPhase = 1;
            }
            if (openPhase == 1) {
                pager.beginRead();
                openPhase = 2;
            }
            loadSchema();
            committedRows = schemaRows;
            committedStatRows = statRows;
            pager.commit();
            openPhase = 0;
            pending = Collections.emptyList();
            state = OPEN;
            return StepResult.DONE;
        } catch (IoPending io) {
            pending = io.completions();
            return StepResult.IO;
        }
    }

    /**
     * Reads sqlite_schema (a read transaction is open) and rebuilds the in-memory schema from its rows with
     * the translator's {@link SchemaBuilder}; re-callable after IoPending (the schema changes only after the
     * last read).
     */
    private void loadSchema() throws IoPending, SqliteException {
        schemaReader.step();
        statReader.step(statRoot(schemaReader.rows()));
        schemaRows = new ArrayList<>(schemaReader.rows());
        statRows = new ArrayList<>(statReader.rows());
        schemaReader.restart();
        statReader.restart();
        rebuildSchema();
    }

    /** The root page of the main database's sqlite_stat1 table, or 0 when there is none. */
    private static int statRoot(List<SchemaReader.Row> rows) {
        for (SchemaReader.Row row : rows) {
            if ("table".equals(row.type) && "sqlite_stat1".equalsIgnoreCase(row.name)) {
                return row.rootPage;
            }
        }
        return 0;
    }

    /**
     * Reads the TEMP database's sqlite_schema and rebuilds the TEMP tables' schema; re-callable after IoPending
     * (the TEMP database is in memory, so it never throws it).
     */
    private void loadTempSchema() throws IoPending, SqliteException {
        if (tempReader == null) {
            tempReader = new SchemaReader(db.pager(1));
        }
        tempReader.step();
        tempRows = new ArrayList<>(tempReader.rows());
        tempReader.restart();
        rebuildTempSchema();
    }

    /**
     * Binds each TEMP trigger to the database of its table as SQLite resolves it when the trigger is parsed: the
     * database written before the table's name, else the first of temp, main and the attached ones that has it.
     */
    private void bindTempTriggers() {
        for (dev.skerry.engine.schema.Trigger t : schema.temp().triggers()) {
            Stmt st;
            try {
                st = Parser.parseFirst(t.sql()).statement();
            } catch (SqliteException e) {
                continue;
            }
            dev.skerry.engine.parser.ast.QualifiedName on = ((Stmt.CreateTrigger) st).table();
            int bound = -1;
            if (on.schema() != null) {
                bound = schema.findDatabase(on.schema().text());
            } else {
                dev.skerry.engine.schema.Table table = schema.findTable(on.name().text());
                if (table != null) {
                    bound = table.db();
                }
            }
            t.bindTableDb(bound);
        }
    }

    /** Drops the TEMP database and its schema ({@code PRAGMA temp_store} changed outside a transaction). */
    private void resetTemp() {
        db.closeTemp();
        tempReader = null;
        tempRows = Collections.emptyList();
        committedTempRows = tempRows;
        try {
            rebuildTempSchema();
        } catch (SqliteException e) {
            throw new IllegalStateException("an empty TEMP schema cannot fail to build", e);
        }
    }

    /** Builds the TEMP tables' schema from {@code tempRows}. No I/O. */
    private void rebuildTempSchema() throws SqliteException {
        Schema temp = schema.temp();
        temp.clear();
        for (SchemaReader.Row row : tempRows) {
            SchemaBuilder.addRow(temp, row.type, row.name, row.tableName, row.rootPage, row.sql);
        }
        bindTempTriggers();
        Pager p = db.openPager(1);
        temp.setCookie(p == null ? 0 : p.schemaCookie());
        // A TEMP trigger or view can change programs that open no cursor on the TEMP database: all recompile.
        schema.expire();
    }

    /** Builds the in-memory schema from {@code schemaRows}, at the pager's current schema cookie. No I/O. */
    private void rebuildSchema() throws SqliteException {
        schema.clear();
        for (SchemaReader.Row row : schemaRows) {
            SchemaBuilder.addRow(schema, row.type, row.name, row.tableName, row.rootPage, row.sql);
        }
        Stat1.apply(schema, statRows);
        schema.setCookie(pager.schemaCookie());
    }

    /** The completions the last IO result of openStep or closeStep waits for. */
    public List<Completion> pendingIo() {
        return pending;
    }

    /** The rows of sqlite_schema as last loaded (type, name, tbl_name, rootpage, sql). */
    public List<SchemaReader.Row> schemaRows() {
        return Collections.unmodifiableList(schemaRows);
    }

    /**
     * Compiles the first statement of {@code sql}; null when {@code sql} holds only whitespace, comments or
     * semicolons. {@link Statement#tailOffset()} tells where the rest of the text begins.
     */
    public Statement prepare(String sql) throws SqliteException {
        return prepare(sql, 0);
    }

    /** Compiles the first statement of {@code sql} at or after {@code offset} (for running a script). */
    public Statement prepare(String sql, int offset) throws SqliteException {
        checkOpen();
        ParseResult parsed = Parser.parseFirst(sql, offset);
        if (parsed.statement() == null) {
            return null;
        }
        Statement s = prepare(compile(parsed, sql), parsed.tailOffset());
        s.setSource(sql, offset);
        return s;
    }

    /** Compiles a parsed statement against the current schema. */
    Program compile(ParseResult parsed, String sql) throws SqliteException {
        Program program = Translator.compile(parsed.statement(), sql, schema, Translator.builtins(), pragmas);
        // PRAGMA recursive_triggers takes effect when compiled (as SQLite's); the VM's trigger frames read it here.
        db.recursiveTriggers = pragmas.recursiveTriggers();
        return program;
    }

    /** The names of the tables and views in sqlite_schema order (the order SQLite's schema hash is filled in). */
    private List<String> tableAndViewNames() {
        return tableAndViewNames(schemaRows);
    }

    static List<String> tableAndViewNames(List<SchemaReader.Row> rows) {
        List<String> names = new ArrayList<>();
        for (SchemaReader.Row row : rows) {
            if ("table".equals(row.type) || "view".equals(row.type)) {
                names.add(row.name);
            }
        }
        return names;
    }

    /** {@code PRAGMA foreign_keys} as now set. */
    boolean foreignKeysOn() {
        return pragmas.foreignKeys();
    }

    /** Compiles again the statement at {@code offset} of {@code sql} (after a schema change). */
    Program recompile(String sql, int offset) throws SqliteException {
        return compile(Parser.parseFirst(sql, offset), sql);
    }

    Vm newVm(Program program) {
        return new Vm(program, db);
    }

    /** A statement running an already compiled program (the translator's output, or a test's). */
    public Statement prepare(Program program) throws SqliteException {
        return prepare(program, 0);
    }

    Statement prepare(Program program, int tailOffset) throws SqliteException {
        checkOpen();
        Statement s = new Statement(this, program, new Vm(program, db), tailOffset);
        statements.add(s);
        return s;
    }

    void forget(Statement s) {
        statements.remove(s);
    }

    private void checkOpen() throws SqliteException {
        if (state != OPEN) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, state == OPENING
                    ? "connection is not open yet (call openStep until DONE)" : "connection is closed");
        }
    }

    /** The rowid of the last row inserted by a successful INSERT (0 if none). */
    /**
     * The memory, in bytes, one sorter (ORDER BY, GROUP BY, CREATE INDEX) may hold before it spills sorted
     * runs to a temporary file beside the database and merges them (default 16 MiB).
     */
    public void setSortMemoryLimit(long bytes) {
        db.setSortMemoryLimit(bytes);
    }

    /** The clock 'now', {@code localtime} and {@code utc} read (default {@link Clock#UTC}). */
    public void setClock(Clock clock) {
        db.setClock(clock);
    }

    public long lastInsertRowid() {
        return db.lastInsertRowid();
    }

    /** The number of rows changed by the last INSERT, UPDATE or DELETE that finished. */
    public long changes() {
        return db.changes();
    }

    /** The number of rows changed since the connection opened. */
    public long totalChanges() {
        return db.totalChanges();
    }

    /**
     * Makes every running statement of this connection fail with SQLITE_INTERRUPT ("interrupted") at its next
     * step (for a host that gives up waiting, e.g. between IO results). No effect when none is running.
     */
    public void interrupt() {
        db.interrupt();
    }

    /**
     * {@code PRAGMA recursive_triggers}: when on, a trigger may fire itself (to a depth of 1000) and rows that
     * REPLACE deletes fire DELETE triggers; off by default, as in SQLite. Takes effect for statements run after.
     */
    public void setRecursiveTriggers(boolean on) {
        pragmas.setRecursiveTriggers(on);
        db.recursiveTriggers = on;
    }

    /** False between BEGIN and COMMIT/ROLLBACK. */
    public boolean isAutocommit() {
        return db.isAutocommit();
    }

    /**
     * Closes the connection: statements still open are closed, an open transaction is rolled back, the
     * pager checkpoints and closes the file. DONE when closed, IO to be called again after I/O.
     */
    public StepResult closeStep() throws SqliteException {
        if (state == CLOSED) {
            return StepResult.DONE;
        }
        if (state != CLOSING) {
            for (Statement s : new ArrayList<>(statements)) {
                s.close();
            }
            state = CLOSING;
        }
        try {
            db.finishPendingCommit();
            pager.rollback();
            db.closeTemp();
            db.closeAttached();
            pager.close();
        } catch (IoPending io) {
            pending = io.completions();
            return StepResult.IO;
        }
        pending = Collections.emptyList();
        state = CLOSED;
        return StepResult.DONE;
    }
}
