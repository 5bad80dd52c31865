package dev.skerry.engine.vacuum;

import dev.skerry.engine.value.Mem;

/** One row of {@code sqlite_schema} as VACUUM reads it: type, name, tbl_name, rootpage (null when NULL), sql. */
final class SchemaRow {
    final Mem[] values;

    SchemaRow(Mem[] values) {
        this.values = values;
    }

    String type() {
        return text(0);
    }

    String name() {
        return text(1);
    }

    String tableName() {
        return text(2);
    }

    /** The root page, or null when the column is NULL (or not a number). */
    Long root() {
        Mem m = values[3];
        return m.type() == Mem.INTEGER ? Long.valueOf(m.longValue()) : m.type() == Mem.FLOAT ? Long.valueOf((long) m.doubleValue()) : null;
    }

    /** The sql column, or null when it is not text. */
    String sql() {
        return text(4);
    }

    private String text(int i) {
        return values.length > i && values[i].type() == Mem.TEXT ? values[i].text() : null;
    }

    /** This row with root page {@code root}. */
    SchemaRow withRoot(int root) {
        Mem[] v = new Mem[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = new Mem();
            v[i].copyFrom(values[i]);
        }
        v[3].setLong(root);
        return new SchemaRow(v);
    }
}
