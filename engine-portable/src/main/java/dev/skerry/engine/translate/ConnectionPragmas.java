package dev.skerry.engine.translate;

import dev.skerry.engine.pager.Pager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The settings of one connection that PRAGMA statements read and change while they are compiled, as
 * SQLite's {@code sqlite3Pragma} changes {@code db->flags}, the busy timeout or the cache size at prepare
 * time; and what such pragmas need to see of the connection: its pager and the order of the objects in
 * {@code sqlite_schema} (SQLite lists tables in the order of its schema hash table, which depends on it).
 *
 * <p>States: the flags start at SQLite's defaults and change only through PRAGMA statements; they live as
 * long as the connection. A translator compiling without a connection (tests of the translator alone) gets
 * {@link #detached()}, without a pager: the pragmas that need one fail with an error.
 */
public final class ConnectionPragmas {
    /** SQLite's default {@code cache_size}: 2000 KiB. */
    public static final int DEFAULT_CACHE_SIZE = -2000;

    private final Pager pager;
    private final Supplier<List<String>> schemaOrder;
    private final BooleanSupplier autocommit;
    private final TableHashOrder tableOrder = new TableHashOrder();
    /** Whether the connection's TEMP database has been opened (a statement used it): {@code database_list} lists it then. */
    private BooleanSupplier tempOpen = () -> false;
    /** The TEMP database's tables and views in {@code sqlite_temp_schema} order, and their simulated hash order. */
    private Supplier<List<String>> tempSchemaOrder = Collections::emptyList;
    private final TableHashOrder tempTableOrder = new TableHashOrder();
    boolean foreignKeys;
    /** The foreign keys of the schema as last compiled against (rebuilt when the schema changes). */
    private ForeignKeys foreignKeyIndex;
    /** The VM's foreign key counters, which hold {@code PRAGMA defer_foreign_keys}. */
    private dev.skerry.engine.vdbe.ForeignKeyCounters foreignKeyCounters = new dev.skerry.engine.vdbe.ForeignKeyCounters();
    boolean recursiveTriggers;
    /** {@code PRAGMA ignore_check_constraints}: statements compiled while it is on code no CHECK constraint. */
    boolean ignoreCheckConstraints;
    /** {@code PRAGMA legacy_alter_table}: ALTER TABLE as before SQLite 3.26 (see {@code AlterDependents}). */
    boolean legacyAlterTable;
    int busyTimeout;
    /**
     * {@code PRAGMA cache_spill}: the flag ({@code SQLITE_CacheSpill}, on by default) and the spill size in pages
     * (SQLite's {@code szSpill}, 1 at first); reported only, Skerry's cache never spills before commit.
     */
    boolean cacheSpill = true;
    int spillSize = 1;
    int cacheSize = DEFAULT_CACHE_SIZE;
    /**
     * The last {@code PRAGMA page_size = N} (SQLite's {@code db->nextPagesize}), 0 when none since the last
     * VACUUM: the page size of the next VACUUM INTO file (an existing WAL database keeps its own).
     */
    int nextPageSize;
    /** {@code PRAGMA synchronous}: 0 OFF, 1 NORMAL, 2 FULL (SQLite's default), 3 EXTRA. */
    int synchronous = 2;
    /** {@code PRAGMA case_sensitive_like}: LIKE compares letters as written instead of ignoring ASCII case. */
    boolean caseSensitiveLike;
    /**
     * {@code PRAGMA temp_store}: 0 DEFAULT, 1 FILE, 2 MEMORY; reported, and without effect (Skerry's temporary
     * storage, the sorter's spill files, is always a file of the VFS, as SQLite built with TEMP_STORE=0).
     */
    int tempStore;
    /** The VM side of the connection, where {@code query_only} is enforced (null when detached). */
    private dev.skerry.engine.vdbe.ConnectionState state;
    /** {@code query_only} of a detached translator, which has no VM side to enforce it. */
    private boolean detachedQueryOnly;

    /**
     * @param pager       the connection's pager
     * @param schemaOrder the names of the tables and views in {@code sqlite_schema} order, as now loaded
     * @param autocommit  whether the connection is outside BEGIN ... COMMIT
     */
    public ConnectionPragmas(Pager pager, Supplier<List<String>> schemaOrder, BooleanSupplier autocommit) {
        this.pager = pager;
        this.schemaOrder = schemaOrder;
        this.autocommit = autocommit;
    }

    /** Settings without a connection behind them. */
    public static ConnectionPragmas detached() {
        return new ConnectionPragmas(null, Collections::emptyList, () -> true);
    }

    /** Connects these settings to the VM side of the same connection. */
    public void attach(dev.skerry.engine.vdbe.ConnectionState s) {
        state = s;
    }

    boolean queryOnly() {
        return state != null ? state.queryOnly : detachedQueryOnly;
    }

    void setQueryOnly(boolean on) {
        if (state != null) {
            state.queryOnly = on;
        } else {
            detachedQueryOnly = on;
        }
    }

    /**
     * Tells the pragmas how to learn whether the TEMP database is open and the names of its tables and views
     * in {@code sqlite_temp_schema} order (set once by the connection).
     */
    public void setTempDatabase(BooleanSupplier open, Supplier<List<String>> schemaOrder) {
        tempOpen = open;
        tempSchemaOrder = schemaOrder;
    }

    /** Drops the TEMP database and its schema (set by the connection; nothing when detached). */
    private Runnable tempReset = () -> { };

    /** Tells the pragmas how to drop the TEMP database when {@code temp_store} changes (set once by the connection). */
    public void setTempReset(Runnable reset) {
        tempReset = reset;
    }

    /**
     * {@code PRAGMA temp_store = N} as SQLite's {@code changeTempStorage}: a change drops the TEMP database and
     * its contents when it is open (refused inside a transaction).
     */
    void setTempStore(int ts) throws dev.skerry.engine.SqliteException {
        if (ts == tempStore) {
            return;
        }
        if (tempOpen()) {
            Pager tp = pager(1);
            if (!autocommit() || tp != null && (tp.inReadTransaction() || tp.inWriteTransaction())) {
                throw dev.skerry.engine.SqliteException.error(
                        "temporary storage cannot be changed from within a transaction");
            }
            tempReset.run();
        }
        tempStore = ts;
    }

    /** The names of each attached database's tables and views in {@code sqlite_schema} order, by database index. */
    private java.util.function.IntFunction<List<String>> attachedOrder = iDb -> Collections.emptyList();

    /** Tells the pragmas how to learn the tables and views of an attached database (set once by the connection). */
    public void setAttachedOrder(java.util.function.IntFunction<List<String>> order) {
        attachedOrder = order;
    }

    /**
     * As {@link #tableOrder()} for attached database {@code iDb}: its hash order as SQLite fills it when the
     * schema is loaded (drops since the ATTACH are not simulated).
     */
    List<String> attachedTableOrder(int iDb) {
        List<String> current = new ArrayList<>();
        current.add("sqlite_master");
        current.addAll(attachedOrder.apply(iDb));
        return new TableHashOrder().update(current);
    }

    /** The pager of database {@code iDb} when it is open (main, the TEMP database once used, an attached one), else null. */
    Pager pager(int iDb) {
        if (iDb == 0 || state == null) {
            return iDb == 0 ? pager : null;
        }
        return state.openPager(iDb);
    }

    /** The name and file of attached database {@code iDb}. */
    String attachedName(int iDb) {
        return state.attached().name(iDb);
    }

    String attachedFile(int iDb) {
        return state.attached().file(iDb);
    }

    /** As {@link #tableOrder()} for the TEMP database (its schema table is {@code sqlite_temp_master}). */
    List<String> tempTableOrder() {
        List<String> current = new ArrayList<>();
        current.add("sqlite_temp_master");
        current.addAll(tempSchemaOrder.get());
        return tempTableOrder.update(current);
    }

    boolean tempOpen() {
        return tempOpen.getAsBoolean();
    }

    boolean autocommit() {
        return autocommit.getAsBoolean();
    }

    /** The pager, or null when detached. */
    Pager pager() {
        return pager;
    }

    /**
     * The tables and views (and {@code sqlite_master}, the schema table's key) in the order SQLite's schema
     * hash table visits them.
     */
    List<String> tableOrder() {
        List<String> current = new ArrayList<>();
        current.add("sqlite_master");
        current.addAll(schemaOrder.get());
        return tableOrder.update(current);
    }

    /** Shares the connection's foreign key counters, whose {@code defer_foreign_keys} flag the VM clears at commit. */
    public void useForeignKeyCounters(dev.skerry.engine.vdbe.ForeignKeyCounters counters) {
        foreignKeyCounters = counters;
    }

    /** {@code PRAGMA defer_foreign_keys}. */
    boolean deferForeignKeys() {
        return foreignKeyCounters.deferAll();
    }

    void setDeferForeignKeys(boolean on) {
        foreignKeyCounters.setDeferAll(on);
    }

    /** The foreign keys of {@code schema}, built again only when it changed. */
    ForeignKeys foreignKeyIndex(dev.skerry.engine.schema.Schema schema) throws dev.skerry.engine.SqliteException {
        foreignKeyIndex = ForeignKeys.of(schema, foreignKeyIndex);
        return foreignKeyIndex;
    }

    /** {@code PRAGMA foreign_keys}: foreign key constraints are enforced in statements compiled while it is on. */
    public boolean foreignKeys() {
        return foreignKeys;
    }

    /** {@code PRAGMA recursive_triggers}. */
    public boolean recursiveTriggers() {
        return recursiveTriggers;
    }

    /** Sets {@code PRAGMA recursive_triggers} from the host API ({@code Connection.setRecursiveTriggers}). */
    public void setRecursiveTriggers(boolean on) {
        recursiveTriggers = on;
    }

    /** {@code PRAGMA legacy_alter_table}. */
    public boolean legacyAlterTable() {
        return legacyAlterTable;
    }

    /** {@code PRAGMA busy_timeout} in milliseconds. */
    public int busyTimeout() {
        return busyTimeout;
    }
}
