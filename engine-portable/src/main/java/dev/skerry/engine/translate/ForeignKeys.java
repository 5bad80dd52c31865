package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The foreign keys of one schema, by child table and by parent table name (SQLite keeps them in
 * {@code Table.pFKey} and in the schema's {@code fkeyHash}), and the action programs' triggers made for them.
 *
 * <p>Built once per schema generation ({@link #of}), when a statement is compiled with foreign keys on; the
 * cache is dropped when the schema changes. Parent names are matched without regard to case, as SQLite's.
 */
final class ForeignKeys {
    private final Schema schema;
    private final int generation;
    private final IdentityHashMap<Table, List<ForeignKey>> byChild = new IdentityHashMap<>();
    private final HashMap<String, List<ForeignKey>> byParent = new HashMap<>();
    /** The action triggers made so far: index 0 for ON DELETE, 1 for ON UPDATE. */
    private final IdentityHashMap<ForeignKey, Trigger[]> actions = new IdentityHashMap<>();

    private ForeignKeys(Schema schema) throws SqliteException {
        this.schema = schema;
        this.generation = schema.generation();
        for (Table t : schema.tables()) {
            if (t == schema.schemaTable()) {
                continue;
            }
            List<ForeignKey> keys = ForeignKey.of(t);
            byChild.put(t, keys);
            for (ForeignKey fk : keys) {
                byParent.computeIfAbsent(Names.key(fk.parentName), k -> new ArrayList<>()).add(fk);
            }
        }
    }

    /** The foreign keys of {@code schema}, reusing {@code cached} when it was built for the same schema as it is now. */
    static ForeignKeys of(Schema schema, ForeignKeys cached) throws SqliteException {
        if (cached != null && cached.schema == schema && cached.generation == schema.generation()) {
            return cached;
        }
        return new ForeignKeys(schema);
    }

    /** The foreign keys whose child table is {@code table}, the last declared first. */
    List<ForeignKey> childKeys(Table table) {
        List<ForeignKey> keys = byChild.get(table);
        return keys == null ? List.of() : keys;
    }

    /** The foreign keys that refer to {@code table}. */
    List<ForeignKey> parentKeys(Table table) {
        List<ForeignKey> keys = byParent.get(Names.key(table.name()));
        return keys == null ? List.of() : keys;
    }

    Trigger action(ForeignKey fk, boolean update) {
        Trigger[] a = actions.get(fk);
        return a == null ? null : a[update ? 1 : 0];
    }

    void putAction(ForeignKey fk, boolean update, Trigger t) {
        actions.computeIfAbsent(fk, k -> new Trigger[2])[update ? 1 : 0] = t;
    }
}
