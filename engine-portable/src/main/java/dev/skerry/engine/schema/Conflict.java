package dev.skerry.engine.schema;

/**
 * SQLite's conflict-resolution algorithms ({@code OE_*} in sqliteInt.h, same numbers): what a constraint
 * violation does. The numbers are those the VM's {@code Halt} takes in P2.
 */
public final class Conflict {
    private Conflict() {
    }

    /** No ON CONFLICT clause: the statement's or the default (ABORT) applies. */
    public static final int DEFAULT = 0;
    public static final int ROLLBACK = 1;
    public static final int ABORT = 2;
    public static final int FAIL = 3;
    public static final int IGNORE = 4;
    public static final int REPLACE = 5;
}
