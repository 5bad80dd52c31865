package dev.skerry.engine.vacuum;

/**
 * What VACUUM needs to know of the vacuumed database's schema beyond its {@code sqlite_schema} rows, taken when
 * the statement is compiled (the program's Transaction checks the schema cookie, so it still holds when it
 * runs): the tables whose rows plain VACUUM numbers afresh (SQLite's transfer of a rowid table with no
 * INTEGER PRIMARY KEY and no index takes new rowids 1, 2, …; VACUUM INTO keeps them), and the AUTOINCREMENT
 * tables (creating the first of them in the new file creates {@code sqlite_sequence} right after it).
 * Immutable; names compare without regard to ASCII case.
 */
public final class VacuumPlan {
    private final String[] renumbered;
    private final String[] autoincrement;

    public VacuumPlan(String[] renumbered, String[] autoincrement) {
        this.renumbered = renumbered.clone();
        this.autoincrement = autoincrement.clone();
    }

    boolean renumbers(String table) {
        return contains(renumbered, table);
    }

    boolean autoincrement(String table) {
        return contains(autoincrement, table);
    }

    private static boolean contains(String[] names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
