package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.IntegrityCheck;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * PRAGMA statements, as SQLite's {@code sqlite3Pragma} compiles them: {@code PRAGMA [schema.]name},
 * {@code PRAGMA name = value} and {@code PRAGMA name(value)}.
 *
 * <p>As in SQLite, a pragma that changes a connection setting ({@code foreign_keys}, {@code cache_size},
 * {@code busy_timeout}, {@code page_size} of a new database, ...) does so while it is compiled, and one that
 * reports the schema ({@code table_info}, {@code index_list}, ...) computes its rows then; those that read
 * or change the database file do it when the program runs ({@code ReadCookie}/{@code SetCookie} for the
 * header fields, {@code Pagecount}, {@code MaxPgcnt}, {@code IntegrityCk}, {@code Checkpoint}). Result
 * column names are SQLite's. A name SQLite does not know compiles to an empty program (SQLite ignores
 * unknown pragmas); a pragma SQLite knows and Skerry does not implement is an error naming it.
 */
final class PragmaCoder {
    /** SQLite's limit of problems {@code integrity_check} reports by default. */
    private static final int INTEGRITY_CHECK_ERROR_MAX = 100;

    /** SQLite pragmas Skerry does not implement: an error rather than silently doing nothing. */
    private static final String[] NOT_IMPLEMENTED = {
        "analysis_limit", "automatic_index", "cell_size_check",
        "checkpoint_fullfsync", "count_changes", "data_store_directory", "data_version",
        "default_cache_size", "empty_result_callbacks",
        "full_column_names", "fullfsync", "hard_heap_limit",
        "incremental_vacuum", "journal_size_limit", "legacy_file_format",
        "locking_mode", "mmap_size", "module_list", "optimize", "pragma_list",
        "read_uncommitted", "reverse_unordered_selects", "secure_delete", "short_column_names",
        "shrink_memory", "soft_heap_limit", "stats", "temp_store_directory", "threads",
        "trusted_schema", "wal_autocheckpoint", "writable_schema",
    };

    private final Parse p;
    private final ConnectionPragmas conn;
    /** The database the pragma names ({@code PRAGMA aux.x}), or -1 when unqualified (main, or all for some). */
    private int db = -1;

    PragmaCoder(Parse p, ConnectionPragmas conn) {
        this.p = p;
        this.conn = conn;
    }

    void compile(Stmt.Pragma st) throws SqliteException {
        Name schemaName = st.name().schema();
        db = schemaName == null ? -1 : p.schema.findDatabase(schemaName.text());
        if (schemaName != null && db < 0) {
            throw SqliteException.error("unknown database " + schemaName.text());
        }
        String name = Names.key(st.name().name().text());
        String value = st.value();
        switch (name) {
            case "user_version":
                header(name, Opcode.BTREE_USER_VERSION, value);
                return;
            case "application_id":
                header(name, Opcode.BTREE_APPLICATION_ID, value);
                return;
            case "schema_version":
                header(name, Opcode.BTREE_SCHEMA_VERSION, value);
                return;
            case "freelist_count":
                header(name, Opcode.BTREE_FREE_PAGE_COUNT, null);
                return;
            case "page_count":
            case "max_page_count":
                pageCount(name, value);
                return;
            case "page_size":
                pageSize(value);
                return;
            case "cache_size":
                cacheSize(value);
                return;
            case "cache_spill":
                cacheSpill(value);
                return;
            case "journal_mode":
                journalMode(value);
                return;
            case "synchronous":
                synchronous(value);
                return;
            case "foreign_keys":
                if (value == null) {
                    rowsOf(name, null);
                } else if (conn.autocommit()) {
                    conn.foreignKeys = PragmaValues.bool(value, false);
                }
                return;
            case "defer_foreign_keys":
                if (value == null) {
                    single(name, conn.deferForeignKeys() ? 1L : 0L);
                } else {
                    conn.setDeferForeignKeys(PragmaValues.bool(value, false));
                }
                return;
            case "recursive_triggers":
                if (value == null) {
                    rowsOf(name, null);
                } else {
                    conn.recursiveTriggers = PragmaValues.bool(value, false);
                }
                return;
            case "legacy_alter_table":
                if (value == null) {
                    single(name, conn.legacyAlterTable ? 1L : 0L);
                } else {
                    conn.legacyAlterTable = PragmaValues.bool(value, false);
                }
                return;
            case "busy_timeout":
                if (value != null) {
                    int ms = PragmaValues.atoi(value);
                    conn.busyTimeout = Math.max(ms, 0);
                }
                rowsOf(name, null);
                return;
            case "query_only":
                if (value == null) {
                    rowsOf(name, null);
                } else {
                    conn.setQueryOnly(PragmaValues.bool(value, false));
                }
                return;
            case "ignore_check_constraints":
                if (value == null) {
                    rowsOf(name, null);
                } else {
                    conn.ignoreCheckConstraints = PragmaValues.bool(value, false);
                }
                return;
            case "temp_store":
                if (value == null) {
                    rowsOf(name, null);
                } else {
                    conn.setTempStore(PragmaValues.tempStore(value));
                }
                return;
            case "case_sensitive_like":
                if (value != null) {
                    conn.caseSensitiveLike = PragmaValues.bool(value, false);
                }
                return;
            case "encoding":
                encoding(value);
                return;
            case "auto_vacuum":
                autoVacuum(value);
                return;
            case "database_list":
            case "collation_list":
            case "table_list":
            case "table_info":
            case "table_xinfo":
            case "index_list":
            case "index_info":
            case "index_xinfo":
            case "foreign_key_list":
            case "function_list":
            case "compile_options":
                rowsOf(name, value);
                return;
            case "foreign_key_check":
                ForeignKeyCheck.compile(p, conn.tableOrder(), value);
                return;
            case "integrity_check":
            case "quick_check":
                integrityCheck(name, value);
                return;
            case "wal_checkpoint":
                walCheckpoint(value);
                return;
            default:
                for (String n : NOT_IMPLEMENTED) {
                    if (n.equals(name)) {
                        throw SqliteException.error("PRAGMA " + name + " is not supported");
                    }
                }
        }
    }

    /** The database the pragma acts on: the named one, else main. */
    private int iDb() {
        return Math.max(db, 0);
    }

    private Pager pager() throws SqliteException {
        Pager pager = conn.pager(iDb());
        if (pager == null) {
            throw SqliteException.error("PRAGMA needs a database connection");
        }
        return pager;
    }

    private void columns(String... names) {
        p.v.setResultColumns(names, new String[names.length]);
    }

    /** The rows of pragma {@code name} as {@link PragmaRows} computes them, with argument {@code value}. */
    private void rowsOf(String name, String value) throws SqliteException {
        PragmaRows.Def d = PragmaRows.find(name);
        rows(d.columns, new PragmaRows(p.schema, conn, p.functions).database(db).rows(d, value));
    }

    /** Result rows known at compile time: each value Long, String or null. */
    private void rows(String[] names, List<Object[]> rows) {
        columns(names);
        int base = p.regs(names.length);
        for (Object[] row : rows) {
            for (int k = 0; k < names.length; k++) {
                p.loadValue(row[k], base + k);
            }
            p.v.addOp(Opcode.RESULT_ROW, base, names.length);
        }
    }

    private void single(String column, Object value) {
        rows(new String[] {column}, List.<Object[]>of(new Object[] {value}));
    }

    /** A header field: read in a read transaction, or (with a value, unless read-only) set in a write one. */
    private void header(String name, int cookie, String value) {
        if (value != null) {
            p.needWrite();
            p.v.addOp(Opcode.SET_COOKIE, iDb(), cookie, PragmaValues.atoi(value));
            return;
        }
        columns(name);
        p.needRead();
        int reg = p.reg();
        p.v.addOp(Opcode.READ_COOKIE, iDb(), reg, cookie);
        p.v.addOp(Opcode.RESULT_ROW, reg, 1);
    }

    private void pageCount(String name, String value) {
        columns(name);
        p.needRead();
        int reg = p.reg();
        if (name.equals("page_count")) {
            p.v.addOp(Opcode.PAGECOUNT, iDb(), reg);
        } else {
            long x = 0;
            Long v = value == null ? null : PragmaValues.decOrHexToI64(value);
            if (v != null) {
                x = Math.max(0, Math.min(v, Pager.MAX_PAGE_COUNT));
            }
            p.v.addOp(Opcode.MAX_PGCNT, iDb(), reg, (int) x);
        }
        p.v.addOp(Opcode.RESULT_ROW, reg, 1);
    }

    private void pageSize(String value) throws SqliteException {
        if (db == 1 && conn.pager(1) == null) {
            // The TEMP database is not open yet: it will have SQLite's default page size.
            if (value == null) {
                single("page_size", (long) Pager.DEFAULT_PAGE_SIZE);
            }
            return;
        }
        Pager pager = pager();
        if (value == null) {
            single("page_size", (long) pager.pageSize());
        } else {
            conn.nextPageSize = PragmaValues.atoi(value);
            pager.setPageSize(conn.nextPageSize);
        }
    }

    private void cacheSize(String value) throws SqliteException {
        if (value == null) {
            rowsOf("cache_size", null);
        } else {
            conn.cacheSize = PragmaValues.atoi(value);
            pager().setCacheSize(conn.cacheSize);
        }
    }

    /**
     * {@code cache_spill}: kept and reported as SQLite's ({@code SQLITE_CacheSpill} and the pager cache's spill
     * size, reported as the larger of it and the cache's size in pages); Skerry's page cache does not spill
     * dirty pages before commit whatever it says.
     */
    private void cacheSpill(String value) throws SqliteException {
        int pageSize = db == 1 && conn.pager(1) == null ? Pager.DEFAULT_PAGE_SIZE : pager().pageSize();
        if (value == null) {
            single("cache_spill", conn.cacheSpill ? (long) Math.max(cachePages(conn.cacheSize, pageSize),
                    conn.spillSize) : 0L);
            return;
        }
        int size = 1;
        Integer n = PragmaValues.int32(value);
        if (n != null) {
            size = n;
            if (size != 0) {
                conn.spillSize = cachePages(size, pageSize);
            }
        }
        conn.cacheSpill = PragmaValues.bool(value, size != 0);
    }

    /**
     * SQLite's {@code numberOfCachePages}: a cache size in pages, or (negative) in KiB over the page size plus
     * the per-page overhead of SQLite 3.50's 64-bit build (136 bytes).
     */
    private static int cachePages(int size, int pageSize) {
        return size >= 0 ? size : (int) ((-1024L * size) / (pageSize + 136));
    }

    /**
     * Skerry databases are in WAL mode (a rollback-journal file SQLite made is reported as {@code delete}
     * until Skerry's first write turns it into WAL). Asking for {@code wal}, or naming no mode SQLite knows,
     * answers the current mode as SQLite does; any other mode is refused with an error, as Skerry cannot
     * leave WAL mode.
     */
    private void journalMode(String value) throws SqliteException {
        if (db == 1 || db >= 2 && conn.attachedFile(db).isEmpty()) {
            // SQLite's TEMP database and a temporary attached one ('') are in rollback mode (a temporary file).
            single("journal_mode", "delete");
            return;
        }
        if (db >= 2 && conn.attachedFile(db).equals(":memory:")) {
            single("journal_mode", "memory");
            return;
        }
        String mode = pager().walFormat() ? "wal" : "delete";
        if (value != null) {
            String v = Names.key(value);
            if (!v.equals("wal") && !v.equals(mode)
                    && (v.equals("delete") || v.equals("persist") || v.equals("off") || v.equals("truncate")
                    || v.equals("memory"))) {
                throw SqliteException.error("journal_mode " + v.toUpperCase()
                        + " is not supported: Skerry databases are always in WAL mode");
            }
        }
        single("journal_mode", mode);
    }

    /** True when the named database is the TEMP database or an attached in-memory or temporary one (not WAL). */
    private boolean inMemory() {
        return db == 1 || db >= 2 && (conn.attachedFile(db).isEmpty() || conn.attachedFile(db).equals(":memory:"));
    }

    private void synchronous(String value) throws SqliteException {
        if (value == null) {
            rowsOf("synchronous", null);
            return;
        }
        if (!conn.autocommit()) {
            throw SqliteException.error("Safety level may not be changed inside a transaction");
        }
        int level = (PragmaValues.safetyLevel(value, false, 1) + 1) & 0x07;
        conn.synchronous = (level == 0 ? 1 : level) - 1;
    }

    private void encoding(String value) throws SqliteException {
        Pager pager = pager();
        if (value == null) {
            int e = pager.textEncoding();
            single("encoding", e == 2 ? "UTF-16le" : e == 3 ? "UTF-16be" : "UTF-8");
            return;
        }
        String v = value;
        boolean utf8 = v.equalsIgnoreCase("UTF8") || v.equalsIgnoreCase("UTF-8");
        boolean utf16 = v.equalsIgnoreCase("UTF-16le") || v.equalsIgnoreCase("UTF-16be")
                || v.equalsIgnoreCase("UTF16le") || v.equalsIgnoreCase("UTF16be") || v.equalsIgnoreCase("UTF-16")
                || v.equalsIgnoreCase("UTF16");
        if (!utf8 && !utf16) {
            throw SqliteException.error("unsupported encoding: " + value);
        }
        if (utf16 && pager.pageCount() == 0) {
            throw SqliteException.error("UTF-16 databases are not supported (only UTF-8)");
        }
    }

    /**
     * Reports the file's mode. Changing it is possible in SQLite only before the first table is created (on
     * a database with tables SQLite ignores the request, as Skerry does); Skerry cannot write auto-vacuum
     * databases, so asking for one on an empty database is an error.
     */
    private void autoVacuum(String value) throws SqliteException {
        Pager pager = pager();
        if (value == null) {
            single("auto_vacuum", (long) pager.autoVacuum());
            return;
        }
        int mode = PragmaValues.autoVacuum(value);
        if (mode != pager.autoVacuum() && p.schema.tables().isEmpty() && p.schema.views().isEmpty()) {
            throw SqliteException.error("auto_vacuum databases are not supported (writes are refused)");
        }
    }

    /**
     * {@code integrity_check[(N|table)]} / {@code quick_check}: for each database checked (the one named; else
     * main, temp and the attached ones in order, as SQLite; with a table name, the table's database) one
     * IntegrityCk loop handing out the problems found, then its CHECK constraints and computed indexes; the
     * single row {@code ok} when there were none. N limits the problems reported over all databases (100
     * when absent or not positive); a table name checks that table and its indexes only.
     */
    private void integrityCheck(String name, String value) throws SqliteException {
        int maxErrors = INTEGRITY_CHECK_ERROR_MAX;
        Table only = null;
        if (value != null) {
            Integer n = PragmaValues.int32(value);
            if (n != null) {
                maxErrors = n;
                if (maxErrors <= 0) {
                    maxErrors = INTEGRITY_CHECK_ERROR_MAX;
                }
            } else {
                only = db < 0 ? p.schema.findTable(value) : p.schema.database(db).findOwnTable(value);
                if (only == null) {
                    throw SqliteException.error("no such table: " + value);
                }
            }
        }
        columns(name);
        p.needRead();
        int reg = p.reg();
        int count = p.reg();
        int maxReg = p.reg();
        int end = p.label();
        p.v.addOp(Opcode.INTEGER, 0, count);
        p.v.addOp(Opcode.INTEGER, maxErrors, maxReg);
        if (db >= 0 || only != null) {
            integrityCheck(name, db >= 0 ? db : only.db(), only, maxErrors, reg, count, maxReg, end);
        } else {
            for (int d = 0; d < p.schema.databaseCount(); d++) {
                if (d != 1 || conn.pager(1) != null) {
                    integrityCheck(name, d, null, maxErrors, reg, count, maxReg, end);
                }
            }
        }
        p.v.addOp(Opcode.IF_POS, count, end, 0);
        p.v.addString("ok", reg);
        p.v.addOp(Opcode.RESULT_ROW, reg, 1);
        p.resolve(end);
    }

    /** The checks of database {@code iDb} (see {@link #integrityCheck(String, String)}), counting in {@code count}. */
    private void integrityCheck(String name, int iDb, Table only, int maxErrors, int reg, int count, int maxReg,
            int end) throws SqliteException {
        IntegrityCheck.Plan plan = new IntegrityCheck.Plan(name.equals("quick_check"), maxErrors, only != null,
                only != null && only.rootPage() == 1);
        Schema checked = p.schema.database(iDb);
        plan.setDatabaseName(checked.name());
        List<Index> computed = new java.util.ArrayList<>();
        List<Table> withChecks = new java.util.ArrayList<>();
        List<String> order = iDb == 0 ? conn.tableOrder() : iDb == 1 ? conn.tempTableOrder()
                : conn.attachedTableOrder(iDb);
        for (String n : order) {
            Table t = n.equals("sqlite_master") || n.equals("sqlite_temp_master") ? checked.schemaTable()
                    : checked.findOwnTable(n);
            if (t == null || (only != null && t != only)) {
                continue;
            }
            if (!t.checks().isEmpty() && !p.ignoreChecks) {
                withChecks.add(t);
            }
            IntegrityCheck.TablePlan tp = plan.table(t.name(), t.rootPage(),
                    t.rowidAlias() < 0 ? -1 : t.storageField(t.rowidAlias()));
            Object[] defaults = new Object[t.storedColumnCount()];
            for (int c = 0; c < t.columnCount(); c++) {
                if (t.storageField(c) >= 0) {
                    defaults[t.storageField(c)] = ColumnDefault.of(t.column(c));
                }
            }
            tp.fieldDefaults(defaults);
            if (t.withoutRowid()) {
                tp.withoutRowid(KeyInfos.of(t.primaryKey()));
            }
            for (int c = 0; c < t.columnCount(); c++) {
                if (t.column(c).notNull() && c != t.rowidAlias() && !t.column(c).isVirtual()) {
                    tp.notNull(t.storageField(c), t.column(c).name());
                }
            }
            for (Index ix : t.indexes()) {
                if (ix.where() != null || ix.hasExpressions()) {
                    tp.computedIndex(ix.name(), ix.rootPage(), KeyInfos.of(ix));
                    computed.add(ix);
                    continue;
                }
                int n1 = ix.columnCount();
                int[] columns = new int[n1];
                boolean[] notNull = new boolean[n1];
                for (int k = 0; k < n1; k++) {
                    columns[k] = t.storageField(ix.column(k));
                    notNull[k] = t.column(ix.column(k)).notNull();
                }
                if (t.withoutRowid()) {
                    WithoutRowidCoder.checkIndex(tp, t, ix, columns, notNull);
                    continue;
                }
                KeyInfo keyInfo = KeyInfos.of(ix);
                tp.index(ix.name(), ix.rootPage(), columns, keyInfo, ix.unique(), notNull);
            }
        }
        int done = p.label();
        int loop = p.v.currentAddress();
        p.v.addOp(Opcode.INTEGRITY_CK, reg, done, iDb, plan);
        // The limit counts the problems of every database checked.
        p.v.addOp(Opcode.GE, maxReg, end, count, null, 0);
        p.v.addOp(Opcode.RESULT_ROW, reg, 1);
        p.v.addOp(Opcode.ADD_IMM, count, 1);
        p.v.addOp(Opcode.GOTO, 0, loop);
        p.resolve(done);
        for (Table t : withChecks) {
            CheckConstraintScan.check(p, t, reg, count, maxReg, end);
        }
        if (!name.equals("quick_check")) {
            for (Index ix : computed) {
                IndexCheckCoder.check(p, ix, reg, count);
            }
        }
    }

    private void walCheckpoint(String value) {
        int mode = 0;
        if (value != null) {
            String v = Names.key(value);
            mode = v.equals("full") ? 1 : v.equals("restart") ? 2 : v.equals("truncate") ? 3 : 0;
        }
        columns("busy", "log", "checkpointed");
        int reg = p.regs(3);
        if (inMemory()) {
            // Not a WAL database: SQLite answers 0, -1, -1.
            p.v.addOp(Opcode.INTEGER, 0, reg);
            p.v.addOp(Opcode.INTEGER, -1, reg + 1);
            p.v.addOp(Opcode.INTEGER, -1, reg + 2);
            p.v.addOp(Opcode.RESULT_ROW, reg, 3);
            return;
        }
        p.v.addOp(Opcode.CHECKPOINT, iDb(), mode, reg);
        p.v.addOp(Opcode.RESULT_ROW, reg, 3);
    }
}
