package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.StrictTypes;
import dev.skerry.engine.value.Mem;

/**
 * The P4 of {@code TypeCheck}: the STRICT type of each register of a row (SQLite's {@code OP_TypeCheck}),
 * with the names its error message needs. Immutable. A register whose kind is 0 (a generated column, the
 * INTEGER PRIMARY KEY) or {@link StrictTypes#ANY} is not checked, nor is a NULL.
 */
public final class TypeCheck {
    private final String table;
    private final String[] columns;
    private final int[] kinds;
    private final String[] typeNames;

    public TypeCheck(String table, String[] columns, int[] kinds, String[] typeNames) {
        this.table = table;
        this.columns = columns;
        this.kinds = kinds;
        this.typeNames = typeNames;
    }

    /**
     * Checks the values in registers {@code r[base..]} (their columns' affinities already applied): each must
     * have its column's type, a REAL column also taking an integer. Else SQLITE_CONSTRAINT_DATATYPE
     * {@code cannot store TEXT value in INTEGER column t.c}.
     */
    void run(Mem[] r, int base) throws SqliteException {
        for (int i = 0; i < kinds.length; i++) {
            Mem m = r[base + i];
            int t = m.type();
            if (kinds[i] == 0 || kinds[i] == StrictTypes.ANY || t == Mem.NULL) {
                continue;
            }
            boolean ok;
            switch (kinds[i]) {
                case StrictTypes.INTEGER:
                    ok = t == Mem.INTEGER;
                    break;
                case StrictTypes.REAL:
                    ok = t == Mem.FLOAT || t == Mem.INTEGER;
                    break;
                case StrictTypes.TEXT:
                    ok = t == Mem.TEXT;
                    break;
                default:
                    ok = t == Mem.BLOB;
            }
            if (!ok) {
                throw new SqliteException(ResultCode.SQLITE_CONSTRAINT_DATATYPE, "cannot store " + typeName(t)
                        + " value in " + typeNames[i] + " column " + table + "." + columns[i]);
            }
        }
    }

    /** As EXPLAIN shows a P4 table: its name. */
    @Override
    public String toString() {
        return table;
    }

    private static String typeName(int type) {
        switch (type) {
            case Mem.INTEGER: return "INT";
            case Mem.FLOAT: return "REAL";
            case Mem.TEXT: return "TEXT";
            default: return "BLOB";
        }
    }
}
