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
    boolean foreignKeys;
    boolean recursiveTriggers;
    /** {@code PRAGMA legacy_alter_table}: ALTER TABLE as before SQLite 3.26 (see {@code AlterDependents}). */
    boolean legacyAlterTable;
    int busyTimeout;
    int cacheSize = DEFAULT_CACHE_SIZE;
    /** {@code PRAGMA synchronous}: 0 OFF, 1 NORMAL, 2 FULL (SQLite's default), 3 EXTRA. */
    int synchronous = 2;

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

    /** {@code PRAGMA foreign_keys}: stored; foreign keys are not enforced yet. */
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
