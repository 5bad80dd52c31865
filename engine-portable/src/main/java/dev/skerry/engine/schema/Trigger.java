package dev.skerry.engine.schema;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Stmt;
import java.util.List;

/**
 * A trigger (SQLite's {@code Trigger}): a program of INSERT, UPDATE, DELETE and SELECT statements run for each
 * row a statement inserts, updates or deletes in its table (or, for INSTEAD OF, would change in its view).
 *
 * <p>{@code sql} is the text stored in {@code sqlite_schema} ({@code CREATE TRIGGER} followed by the statement
 * from the trigger name to its {@code END}); the syntax trees {@code when} and {@code body} point into it.
 * {@code tableName} is the table or view name as the statement wrote it (SQLite stores it so in
 * {@code tbl_name}); it is resolved without regard to ASCII case each time the trigger may fire.
 * {@code updateColumns} is the list of {@code UPDATE OF}, empty when the trigger fires on any UPDATE.
 * A TEMP trigger lives in the TEMP database (its row is in {@code sqlite_temp_schema}). Immutable.
 */
public final class Trigger {
    private final String name;
    private final String tableName;
    private final String sql;
    private final Stmt.TriggerTime time;
    private final Stmt.TriggerEvent event;
    private final List<String> updateColumns;
    private final Expr when;
    private final List<Stmt> body;
    private final boolean temp;
    /**
     * For a TEMP trigger: the database of the table it is on, bound when the TEMP schema is built (SQLite's
     * {@code pTabSchema}); -1 until bound (then the trigger fires on the table of its name in main or temp).
     */
    private int tableDb = -1;

    public Trigger(String name, String tableName, String sql, Stmt.TriggerTime time, Stmt.TriggerEvent event,
            List<String> updateColumns, Expr when, List<Stmt> body, boolean temp) {
        this.name = name;
        this.tableName = tableName;
        this.sql = sql;
        this.time = time == Stmt.TriggerTime.DEFAULT ? Stmt.TriggerTime.BEFORE : time;
        this.event = event;
        this.updateColumns = updateColumns;
        this.when = when;
        this.body = body;
        this.temp = temp;
    }

    public String name() {
        return name;
    }

    public String tableName() {
        return tableName;
    }

    public String sql() {
        return sql;
    }

    /** BEFORE, AFTER or INSTEAD_OF (a trigger written without a time is BEFORE). */
    public Stmt.TriggerTime time() {
        return time;
    }

    public Stmt.TriggerEvent event() {
        return event;
    }

    public List<String> updateColumns() {
        return updateColumns;
    }

    /** The WHEN condition, or null. */
    public Expr when() {
        return when;
    }

    public List<Stmt> body() {
        return body;
    }

    public boolean temp() {
        return temp;
    }

    /** The database of the table a TEMP trigger is on (-1 when not bound). */
    public int tableDb() {
        return tableDb;
    }

    /** Binds a TEMP trigger to the database of its table. */
    public void bindTableDb(int db) {
        tableDb = db;
    }

    /**
     * True when an UPDATE assigning the columns named {@code changed} fires this UPDATE trigger: always
     * without {@code UPDATE OF}, else when one of its columns is assigned (SQLite's {@code checkColumnOverlap}).
     */
    public boolean overlaps(List<String> changed) {
        if (updateColumns.isEmpty()) {
            return true;
        }
        for (String c : changed) {
            for (String u : updateColumns) {
                if (Names.equal(c, u)) {
                    return true;
                }
            }
        }
        return false;
    }
}
