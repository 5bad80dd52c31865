package dev.skerry.engine;

import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.vdbe.SchemaReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The connection's side of the attached databases' schemas: for each attached database (database
 * {@code 2 + k}) its {@code sqlite_schema} reader and rows as last loaded and as last committed, the same
 * rules the connection keeps for main and temp (a rollback returns to the committed rows).
 *
 * <p>States: an ATTACH in progress has a {@code pendingReader} (re-called after IoPending); when its rows
 * are read the schema is built and appended to the main schema ({@link Schema#attach}). Invariant: entry
 * {@code k} describes {@code schema.database(2 + k)}.
 */
final class AttachedSchemas {
    /** One attached database's reader and rows. */
    private static final class Entry {
        final SchemaReader reader;
        final Pager pager;
        List<SchemaReader.Row> rows;
        List<SchemaReader.Row> committedRows;

        Entry(SchemaReader reader, Pager pager, List<SchemaReader.Row> rows) {
            this.reader = reader;
            this.pager = pager;
            this.rows = rows;
            this.committedRows = rows;
        }
    }

    private final ArrayList<Entry> entries = new ArrayList<>();
    private SchemaReader pendingReader;
    private Pager pendingPager;

    /** ATTACH: reads the schema of {@code pager} and adds it as database {@code iDb}; re-callable after IoPending. */
    void load(Schema schema, int iDb, String name, Pager pager) throws IoPending, SqliteException {
        if (pendingPager != pager) {
            pendingPager = pager;
            pendingReader = new SchemaReader(pager);
        }
        pendingReader.step();
        List<SchemaReader.Row> rows = new ArrayList<>(pendingReader.rows());
        pendingReader.restart();
        Schema s = Schema.forAttached(iDb, name);
        build(s, rows, pager);
        schema.attach(s);
        entries.add(new Entry(pendingReader, pager, rows));
        pendingReader = null;
        pendingPager = null;
    }

    /** ParseSchema of database {@code iDb}: reads its sqlite_schema again; re-callable after IoPending. */
    void reload(Schema schema, int iDb) throws IoPending, SqliteException {
        Entry e = entries.get(iDb - 2);
        e.reader.step();
        e.rows = new ArrayList<>(e.reader.rows());
        e.reader.restart();
        rebuild(schema, iDb);
    }

    private void rebuild(Schema schema, int iDb) throws SqliteException {
        Schema s = schema.database(iDb);
        s.clear();
        build(s, entries.get(iDb - 2).rows, pagerOf(iDb));
        schema.expire();
    }

    private Pager pagerOf(int iDb) {
        return entries.get(iDb - 2).pager;
    }

    private static void build(Schema s, List<SchemaReader.Row> rows, Pager pager) throws SqliteException {
        for (SchemaReader.Row row : rows) {
            SchemaBuilder.addRow(s, row.type, row.name, row.tableName, row.rootPage, row.sql);
        }
        s.setCookie(pager.schemaCookie());
    }

    /** The transaction committed: the rows as loaded are the committed ones. */
    void committed() {
        for (Entry e : entries) {
            e.committedRows = e.rows;
        }
    }

    /** The transaction rolled back: a schema changed in it is rebuilt from the committed rows. */
    void rolledBack(Schema schema) throws SqliteException {
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (e.rows != e.committedRows) {
                e.rows = e.committedRows;
                rebuild(schema, k + 2);
            }
        }
    }

    /** DETACH of database {@code iDb}: its schema is forgotten, the later ones move down one index. */
    void detach(Schema schema, int iDb) {
        entries.remove(iDb - 2);
        schema.detach(iDb);
    }

    /** The rows of database {@code iDb}'s sqlite_schema as last loaded (empty when there is no such database). */
    List<SchemaReader.Row> rows(int iDb) {
        return iDb - 2 < entries.size() && iDb >= 2 ? entries.get(iDb - 2).rows : Collections.emptyList();
    }
}
