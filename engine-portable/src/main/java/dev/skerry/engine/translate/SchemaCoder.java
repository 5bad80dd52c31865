package dev.skerry.engine.translate;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE and DROP of tables, indexes, views and triggers, and REINDEX (SQLite's {@code build.c} and
 * {@code trigger.c}). TEMP objects go the same way to the TEMP database (database 1: its b-trees, its
 * {@code sqlite_schema}, its schema cookie); {@code iDb} is the database a statement changes.
 *
 * <p>The object is first described with {@link SchemaBuilder}, which reports every error SQLite reports at
 * compile time. The program then does what SQLite's does: {@code CreateBtree} for the table and each
 * automatic index, rows inserted into {@code sqlite_schema} (the table's first, with the text SQLite stores:
 * {@code CREATE TABLE } followed by the statement from the table name on), CREATE INDEX filling the new index
 * from the table's rows (failing on a duplicate when UNIQUE), DROP deleting the rows of sqlite_schema and
 * {@code Destroy}ing the b-trees; finally {@code SetCookie} increments the schema cookie and
 * {@code ParseSchema} makes the connection reload its schema.
 */
final class SchemaCoder {
    private final Parse p;
    /** The database the statement changes: 0 main, 1 temp, 2… attached (its b-trees, its sqlite_schema, its cookie). */
    private int iDb;

    SchemaCoder(Parse p) {
        this.p = p;
    }

    /** The schema of database {@code iDb}. */
    private Schema target() {
        return p.schema.database(iDb);
    }

    /**
     * The database a name qualified by an attached database's name is in (2 or more); 0 for an unqualified name
     * or {@code main}; SQLite's {@code unknown database X} for a name that is none (temp is the caller's case).
     */
    private int qualifiedDb(dev.skerry.engine.parser.ast.QualifiedName name) throws SqliteException {
        if (name.schema() == null || isTemp(name)) {
            return name.schema() == null ? 0 : 1;
        }
        int db = p.schema.findDatabase(name.schema().text());
        if (db < 0) {
            throw SqliteException.error("unknown database " + name.schema().text());
        }
        return db;
    }

    /** The view {@code name} of database {@code db} (0: the unqualified search, TEMP first, as before; -1: main's own). */
    private dev.skerry.engine.schema.View viewIn(int db, String name) {
        return db == 1 ? p.schema.findTempView(name) : db == 0 ? p.schema.findView(name)
                : db < 0 ? p.schema.findOwnView(name) : p.schema.database(db).findOwnView(name);
    }

    /**
     * A name token exactly as the statement wrote it, quotes included: SQLite's {@code %T} in its
     * "table/view/trigger X already exists" messages echoes the token ({@code table "t" already exists}).
     */
    private String asWritten(Name n) {
        return n.end() > n.start() && n.end() <= p.sql.length() ? p.sql.substring(n.start(), n.end()) : n.text();
    }

    void createTable(Stmt.CreateTable ct) throws SqliteException {
        checkTempName(ct.temp(), ct.name());
        iDb = ct.temp() || isTemp(ct.name()) ? 1 : qualifiedDb(ct.name());
        String name = ct.name().name().text();
        if (Names.reserved(name)) {
            throw SqliteException.error("object name reserved for internal use: " + name);
        }
        if (target().findOwnTable(name) != null) {
            if (ct.ifNotExists()) {
                return;
            }
            throw SqliteException.error("table " + asWritten(ct.name().name()) + " already exists");
        }
        if (viewIn(iDb, name) != null) {
            if (ct.ifNotExists()) {
                return;
            }
            throw SqliteException.error("view " + asWritten(ct.name().name()) + " already exists");
        }
        if (target().findOwnIndex(name) != null) {
            throw SqliteException.error("there is already an index named " + name);
        }
        DefaultCheck.check(ct.columns());
        for (dev.skerry.engine.parser.ast.TableConstraint tc : ct.constraints()) {
            if (tc instanceof dev.skerry.engine.parser.ast.TableConstraint.PrimaryKey pk) {
                ExplicitNulls.refuse(pk.columns());
            } else if (tc instanceof dev.skerry.engine.parser.ast.TableConstraint.Unique u) {
                ExplicitNulls.refuse(u.columns());
            }
        }
        if (ct.asSelect() != null) {
            createTableAs(ct, name);
            return;
        }
        Table table = SchemaBuilder.table(ct, p.sql, SchemaBuilder.tableSql(ct, p.sql), 0);
        SelfReference.checkConstraints(p, table);
        GeneratedColumns.check(p, table);
        ForeignKey.validate(ct, table);
        p.needWrite();
        int tableRoot = p.reg();
        p.v.addOp(Opcode.CREATE_BTREE, iDb, tableRoot, table.withoutRowid() ? Opcode.BTREE_BLOBKEY : Opcode.BTREE_INTKEY);
        List<Index> autos = autoIndexesInCreationOrder(table);
        int[] roots = new int[autos.size()];
        for (int k = 0; k < roots.length; k++) {
            roots[k] = p.reg();
            p.v.addOp(Opcode.CREATE_BTREE, iDb, roots[k], Opcode.BTREE_BLOBKEY);
        }
        int cur = openSchemaTable();
        insertSchemaRow(cur, "table", table.name(), table.name(), tableRoot, table.sql());
        for (int k = 0; k < roots.length; k++) {
            insertSchemaRow(cur, "index", autos.get(k).name(), table.name(), roots[k], null);
        }
        if (table.autoincrement() && target().findOwnTable(AutoincrementCoder.SEQUENCE_TABLE) == null) {
            int seqRoot = p.reg();
            p.v.addOp(Opcode.CREATE_BTREE, iDb, seqRoot, Opcode.BTREE_INTKEY);
            insertSchemaRow(cur, "table", AutoincrementCoder.SEQUENCE_TABLE, AutoincrementCoder.SEQUENCE_TABLE,
                    seqRoot, "CREATE TABLE " + AutoincrementCoder.SEQUENCE_TABLE + "(name,seq)");
        }
        p.v.addOp(Opcode.CLOSE, cur);
        schemaChanged();
    }

    /**
     * CREATE TABLE ... AS SELECT: the columns are named after the query's result columns (a repeated name
     * gets {@code :1}, {@code :2}...) and typed by their affinity (TEXT, NUM, INT, REAL or none); the stored
     * text is generated as SQLite's {@code createTableStmt} writes it; the rows are inserted as the query
     * yields them.
     */
    private void createTableAs(Stmt.CreateTable ct, String name) throws SqliteException {
        p.needWrite();
        int root = p.reg();
        p.v.addOp(Opcode.CREATE_BTREE, iDb, root, Opcode.BTREE_INTKEY);
        int cur = p.cursor();
        int open = p.v.addOp(Opcode.OPEN_WRITE, cur, root, iDb, 0, Opcode.OPFLAG_P2ISREG);
        List<Integer> records = new ArrayList<>();
        SelectCoder sc = new SelectCoder(p);
        SelectCoder.ResultInfo info = sc.compile(ct.asSelect(), null, (first, n) -> {
            int rec = p.reg();
            int rowid = p.reg();
            records.add(p.v.addOp(Opcode.MAKE_RECORD, first, n, rec));
            p.v.addOp(Opcode.NEW_ROWID, cur, rowid);
            p.v.addOp(Opcode.INSERT, cur, rec, rowid);
        });
        int n = info.names.length;
        String[] names = new String[n];
        StringBuilder aff = new StringBuilder();
        int width = Identifiers.length(name);
        for (int i = 0; i < n; i++) {
            names[i] = uniqueName(info.names[i], names, i);
            char a = (char) (info.affinities[i] & Opcode.AFF_MASK);
            aff.append(a < Opcode.AFF_BLOB ? (char) Opcode.AFF_BLOB : a);
            width += Identifiers.length(names[i]) + 5;
        }
        for (int addr : records) {
            p.v.changeP4(addr, aff.toString());
        }
        p.v.changeP4(open, n);
        String sep = width < 50 ? "" : "\n  ";
        String sep2 = width < 50 ? "," : ",\n  ";
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(Identifiers.quote(name)).append('(').append(sep);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sql.append(sep2);
            }
            sql.append(Identifiers.quote(names[i]));
            switch (aff.charAt(i)) {
                case 'B': sql.append(" TEXT"); break;
                case 'C': sql.append(" NUM"); break;
                case 'D': sql.append(" INT"); break;
                case 'E': sql.append(" REAL"); break;
                default: break;
            }
        }
        sql.append(width < 50 ? ")" : "\n)");
        int schemaCur = openSchemaTable();
        insertSchemaRow(schemaCur, "table", name, name, root, sql.toString());
        p.v.addOp(Opcode.CLOSE, schemaCur);
        p.v.addOp(Opcode.CLOSE, cur);
        schemaChanged();
    }

    /** {@code name}, or {@code name:k} with the first k that no earlier column (ASCII case ignored) has. */
    private static String uniqueName(String name, String[] earlier, int count) {
        String candidate = name;
        int k = 0;
        while (taken(candidate, earlier, count)) {
            int end = candidate.length();
            int j = end - 1;
            while (j > 0 && candidate.charAt(j) >= '0' && candidate.charAt(j) <= '9') {
                j--;
            }
            if (j > 0 && candidate.charAt(j) == ':') {
                end = j;
            }
            candidate = candidate.substring(0, end) + ":" + (++k);
        }
        return candidate;
    }

    private static boolean taken(String name, String[] earlier, int count) {
        for (int i = 0; i < count; i++) {
            if (Names.equal(earlier[i], name)) {
                return true;
            }
        }
        return false;
    }

    /** The automatic indexes in the order SQLite created them (their names' numbers). */
    private static List<Index> autoIndexesInCreationOrder(Table table) {
        List<Index> autos = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (index.origin() != Index.ORIGIN_CREATE) {
                autos.add(index);
            }
        }
        autos.sort((a, b) -> Integer.compare(autoNumber(a), autoNumber(b)));
        return autos;
    }

    private static int autoNumber(Index index) {
        String n = index.name();
        return Integer.parseInt(n.substring(n.lastIndexOf('_') + 1));
    }

    /** CREATE VIEW: only the sqlite_schema row (the query is compiled where the view is used). */
    void createView(Stmt.CreateView cv) throws SqliteException {
        checkTempName(cv.temp(), cv.name());
        iDb = cv.temp() || isTemp(cv.name()) ? 1 : qualifiedDb(cv.name());
        String name = cv.name().name().text();
        if (viewIn(iDb, name) != null) {
            if (cv.ifNotExists()) {
                return;
            }
            throw SqliteException.error("view " + asWritten(cv.name().name()) + " already exists");
        }
        if (target().findOwnTable(name) != null) {
            if (cv.ifNotExists()) {
                return;
            }
            throw SqliteException.error("table " + asWritten(cv.name().name()) + " already exists");
        }
        if (target().findOwnIndex(name) != null) {
            throw SqliteException.error("there is already an index named " + name);
        }
        if (Names.reserved(name)) {
            throw SqliteException.error("object name reserved for internal use: " + name);
        }
        new DbFixer(p.schema, iDb, "view", asWritten(cv.name().name())).check(cv.select());
        p.needWrite();
        int root = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, root);
        int cur = openSchemaTable();
        insertSchemaRow(cur, "view", name, name, root, SchemaBuilder.viewSql(cv, p.sql));
        p.v.addOp(Opcode.CLOSE, cur);
        schemaChanged();
    }

    /**
     * CREATE TRIGGER, with SQLite's checks in SQLite's order ({@code sqlite3BeginTrigger}); the row goes to
     * sqlite_schema (the TEMP database's for a TEMP trigger) with type 'trigger', root page 0 and the table
     * name as written.
     */
    void createTrigger(Stmt.CreateTrigger ct) throws SqliteException {
        if (ct.temp() && ct.name().schema() != null) {
            throw SqliteException.error("temporary trigger may not have qualified name");
        }
        // SQLite's sqlite3BeginTrigger: the trigger's database from its name, TEMP when its name is unqualified
        // and the table as written is a TEMP one; a trigger outside TEMP may name only its own database's table.
        int trigDb = ct.temp() ? 1 : qualifiedDb(ct.name());
        String name = ct.name().name().text();
        String tableName = ct.table().name().text();
        int tableDb = ct.table().schema() == null ? -1 : p.schema.findDatabase(ct.table().schema().text());
        if (trigDb == 0 && ct.name().schema() == null && (tableDb == 1 || ct.table().schema() == null)
                && (p.schema.temp().findOwnTable(tableName) != null || p.schema.findTempView(tableName) != null)) {
            trigDb = 1;
        }
        boolean temp = trigDb == 1;
        Table table;
        dev.skerry.engine.schema.View view;
        if (!temp) {
            if (ct.table().schema() != null && tableDb != trigDb) {
                throw SqliteException.error("trigger " + name + " cannot reference objects in database "
                        + ct.table().schema().text());
            }
            table = p.schema.database(trigDb).findOwnTable(tableName);
            view = table == null ? viewIn(trigDb == 0 ? -1 : trigDb, tableName) : null;
            if (table == null && view == null) {
                throw SqliteException.error("no such table: " + p.schema.database(trigDb).name() + "." + tableName);
            }
        } else if (ct.table().schema() != null) {
            table = tableDb < 0 ? null : p.schema.database(tableDb).findOwnTable(tableName);
            view = table == null && tableDb >= 0 ? viewIn(tableDb == 0 ? -1 : tableDb, tableName) : null;
            if (table == null && view == null) {
                throw SqliteException.error("no such table: " + ct.table());
            }
        } else {
            table = p.schema.findTable(tableName);
            view = table == null ? p.schema.findView(tableName) : null;
            if (table == null && view == null) {
                // As SQLite's DbFixer: a TEMP trigger's target keeps the name as written.
                throw SqliteException.error("no such table: " + ct.table());
            }
        }
        if (Names.reserved(name)) {
            throw SqliteException.error("object name reserved for internal use: " + name);
        }
        if (p.schema.database(trigDb).findMainTrigger(name) != null) {
            if (ct.ifNotExists()) {
                return;
            }
            throw SqliteException.error("trigger " + asWritten(ct.name().name()) + " already exists");
        }
        if (table != null && Names.reserved(table.name())) {
            throw SqliteException.error("cannot create trigger on system table");
        }
        if (view != null && ct.time() != Stmt.TriggerTime.INSTEAD_OF) {
            throw SqliteException.error("cannot create " + (ct.time() == Stmt.TriggerTime.AFTER ? "AFTER" : "BEFORE")
                    + " trigger on view: " + qualified(ct.table()));
        }
        if (table != null && ct.time() == Stmt.TriggerTime.INSTEAD_OF) {
            throw SqliteException.error("cannot create INSTEAD OF trigger on table: " + qualified(ct.table()));
        }
        String sql = SchemaBuilder.triggerSql(ct, p.sql);
        if (hasParameter(sql)) {
            throw SqliteException.error("trigger cannot use variables");
        }
        iDb = trigDb;
        p.needWrite();
        int root = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, root);
        int cur = openSchemaTable();
        insertSchemaRow(cur, "trigger", name, tableName, root, sql);
        p.v.addOp(Opcode.CLOSE, cur);
        schemaChanged();
    }

    /**
     * True when {@code sql} holds a parameter ({@code ?}, {@code ?NNN}, {@code :name}, {@code @name},
     * {@code $name}) outside string literals, quoted identifiers and comments.
     */
    private static boolean hasParameter(String sql) {
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int close = sql.indexOf(c == '[' ? ']' : c, i + 1);
                i = close < 0 ? n : close;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
            } else if (c == '?') {
                return true;
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && idChar(sql.charAt(i + 1))
                    && (c != '$' || i == 0 || !idChar(sql.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean idChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                || c >= 0x80;
    }

    /** A table name as SQLite's {@code %S} prints it in trigger errors: with its schema when one was written. */
    private static String qualified(dev.skerry.engine.parser.ast.QualifiedName name) {
        return name.toString();
    }

    private static boolean isTemp(dev.skerry.engine.parser.ast.QualifiedName name) {
        return name.schema() != null && (Names.equal(name.schema().text(), "temp")
                || Names.equal(name.schema().text(), "temporary"));
    }

    /**
     * REINDEX: rebuilds indexes (empties each and fills it again from its table's rows). No name: every index;
     * a collation's name: the indexes with a column of that collation; a table's (or view's) name: its
     * indexes; an index's name: that index; anything else is SQLite's error.
     */
    void reindex(Stmt.Reindex r) throws SqliteException {
        List<Index> targets = new ArrayList<>();
        List<Index> all = new ArrayList<>();
        for (int db = 0; db < p.schema.databaseCount(); db++) {
            all.addAll(p.schema.database(db).indexes());
        }
        if (r.target() == null) {
            targets.addAll(all);
        } else {
            String name = r.target().name().text();
            dev.skerry.engine.value.Collation coll = r.target().schema() == null
                    ? dev.skerry.engine.value.Collation.byName(name) : null;
            if (coll != null) {
                for (Index index : all) {
                    for (int f = 0; f < index.columnCount(); f++) {
                        if (index.collation(f) == coll) {
                            targets.add(index);
                            break;
                        }
                    }
                }
            } else {
                int named = r.target().schema() == null ? -1 : p.schema.findDatabase(r.target().schema().text());
                if (r.target().schema() != null && named < 0) {
                    throw SqliteException.error("unknown database " + r.target().schema().text());
                }
                Schema in = named < 0 ? null : p.schema.database(named);
                Table table = named == 0 || in == null ? p.schema.findTable(name) : in.findOwnTable(name);
                Index index = named == 0 || in == null ? p.schema.findIndex(name) : in.findOwnIndex(name);
                if (table != null) {
                    targets.addAll(table.indexes());
                } else if (index != null) {
                    targets.add(index);
                } else if (p.schema.findView(name) == null) {
                    throw SqliteException.error("unable to identify the object to be reindexed");
                }
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        p.needWrite();
        for (Index index : targets) {
            int root = p.reg();
            p.v.addOp(Opcode.CLEAR, index.rootPage(), index.table().db(), 0);
            p.v.addOp(Opcode.INTEGER, index.rootPage(), root);
            fillIndex(index.table(), index, root);
        }
    }

    void createIndex(Stmt.CreateIndex ci) throws SqliteException {
        ExplicitNulls.refuse(ci.columns());
        boolean temp = isTemp(ci.name());
        int named = qualifiedDb(ci.name());
        String name = ci.name().name().text();
        Table table = temp ? p.schema.temp().findOwnTable(ci.table().text())
                : ci.name().schema() != null ? p.schema.database(named).findOwnTable(ci.table().text())
                : p.schema.findTable(ci.table().text());
        if (table == null && (temp ? p.schema.findTempView(ci.table().text())
                : p.schema.findView(ci.table().text())) != null) {
            throw SqliteException.error("views may not be indexed");
        }
        if (table == null) {
            throw SqliteException.error("no such table: " + p.schema.database(named).name() + "." + ci.table().text());
        }
        iDb = table.db();
        if (table == p.schema.schemaTable() || Names.reserved(table.name())) {
            throw SqliteException.error("table " + (table == p.schema.schemaTable() ? "sqlite_master"
                    : table.name()) + " may not be indexed");
        }
        if (Names.reserved(name)) {
            throw SqliteException.error("object name reserved for internal use: " + name);
        }
        if (target().findOwnIndex(name) != null) {
            if (ci.ifNotExists()) {
                return;
            }
            throw SqliteException.error("index " + name + " already exists");
        }
        if (target().findOwnTable(name) != null || (iDb == 0 && p.schema.findView(name) != null)) {
            throw SqliteException.error("there is already a table named " + name);
        }
        if (ci.where() != null) {
            IndexExprCheck.where(ci.where(), table, p.functions);
        }
        for (dev.skerry.engine.parser.ast.IndexedColumn ic : ci.columns()) {
            IndexExprCheck.key(ic.expr(), table, p.functions);
        }
        Index index = SchemaBuilder.index(ci, table, SchemaBuilder.indexSql(ci, p.sql), 0);
        p.needWrite();
        int root = p.reg();
        p.v.addOp(Opcode.CREATE_BTREE, iDb, root, Opcode.BTREE_BLOBKEY);
        int cur = openSchemaTable();
        insertSchemaRow(cur, "index", name, table.name(), root, index.sql());
        p.v.addOp(Opcode.CLOSE, cur);
        fillIndex(table, index, root);
        schemaChanged();
    }

    /**
     * Fills the new index (root page in register {@code root}) as SQLite's sqlite3RefillIndex: every row's key
     * goes into a sorter, then the sorted keys are inserted in order, so each insert appends at the right
     * edge of the b-tree. For a UNIQUE index, a sorted key equal to the one before it on the key columns (and
     * free of NULLs, see SorterCompare) is a constraint violation.
     */
    private void fillIndex(Table table, Index index, int root) throws SqliteException {
        int tab = p.cursor();
        int idx = p.cursor();
        int sorter = p.cursor();
        int n = index.columnCount();
        KeyInfo keyInfo = KeyInfos.of(index);
        p.v.addOp(Opcode.OPEN_READ, tab, table.rootPage(), table.db(), KeyInfos.table(table));
        p.v.addOp(Opcode.SORTER_OPEN, sorter, n + 1, 0, keyInfo);
        int scanned = p.label();
        p.v.addOp(Opcode.REWIND, tab, scanned);
        int top = p.v.currentAddress();
        int key = p.regs(n + 1);
        int rowid = key + n;
        p.v.addOp(Opcode.ROWID, tab, rowid);
        IndexKeys rowKeys = IndexKeys.fromCursor(p, new SelectCoder(p).ex, table, tab, rowid);
        int absent = p.label();
        rowKeys.testWhere(index, absent);
        rowKeys.codeKey(index, key);
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, key, n + 1, rec);
        p.v.addOp(Opcode.SORTER_INSERT, sorter, rec);
        p.resolve(absent);
        p.v.addOp(Opcode.NEXT, tab, top);
        p.resolve(scanned);
        p.v.addOp(Opcode.CLOSE, tab);
        p.v.addOp(Opcode.OPEN_WRITE, idx, root, table.db(), KeyInfos.cursor(index), Opcode.OPFLAG_P2ISREG);
        int done = p.label();
        p.v.addOp(Opcode.NULL, 0, rec);
        p.v.addOp(Opcode.SORTER_SORT, sorter, done);
        int loop = p.v.currentAddress();
        if (index.unique()) {
            int ok = p.label();
            p.v.addOp(Opcode.IS_NULL, rec, ok);
            p.v.addOp(Opcode.SORTER_COMPARE, sorter, ok, rec, Integer.valueOf(n));
            p.v.addOp(Opcode.HALT, ResultCode.SQLITE_CONSTRAINT_UNIQUE, Opcode.OE_ABORT, 0,
                    IndexKeys.uniqueLabel(table, index),
                    Opcode.P5_CONSTRAINT_UNIQUE);
            p.resolve(ok);
        }
        p.v.addOp(Opcode.SORTER_DATA, sorter, rec, 0);
        p.v.addOp(Opcode.IDX_INSERT, idx, rec);
        p.v.addOp(Opcode.SORTER_NEXT, sorter, loop);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, sorter);
        p.v.addOp(Opcode.CLOSE, idx);
    }

    void drop(Stmt.Drop drop) throws SqliteException {
        if (drop.kind() == Stmt.ObjectKind.TRIGGER) {
            dropTrigger(drop);
            return;
        }
        int named = qualifiedDb(drop.name());
        String name = drop.name().name().text();
        switch (drop.kind()) {
            case TABLE: {
                Table table = drop.name().schema() != null ? p.schema.database(named).findOwnTable(name)
                        : p.schema.findTable(name);
                if (table != null) {
                    iDb = table.db();
                }
                if (table == null && p.schema.findView(name) != null) {
                    throw SqliteException.error("use DROP VIEW to delete view " + p.schema.findView(name).name());
                }
                if (table == null) {
                    if (drop.ifExists()) {
                        return;
                    }
                    throw SqliteException.error("no such table: " + drop.name());
                }
                if (table == p.schema.schemaTable() || Names.reserved(table.name())) {
                    throw SqliteException.error("table " + (table == p.schema.schemaTable() ? "sqlite_master"
                            : table.name()) + " may not be dropped");
                }
                p.needWrite();
                ForeignKeyCoder.dropTable(p, table);
                dropTriggersOn(table.name());
                if (table.autoincrement()) {
                    AutoincrementCoder.forget(p, table.db(), table.name(), null);
                }
                deleteSchemaRows(2, table.name(), "trigger", false);
                StatRows.forget(p, table.name(), false, iDb);
                for (Index index : table.indexes()) {
                    p.v.addOp(Opcode.DESTROY, index.rootPage(), p.reg(), iDb);
                }
                p.v.addOp(Opcode.DESTROY, table.rootPage(), p.reg(), iDb);
                schemaChanged();
                return;
            }
            case INDEX: {
                Index index = drop.name().schema() != null ? p.schema.database(named).findOwnIndex(name)
                        : p.schema.findIndex(name);
                if (index != null) {
                    iDb = index.table().db();
                }
                if (index == null) {
                    if (drop.ifExists()) {
                        return;
                    }
                    throw SqliteException.error("no such index: " + drop.name());
                }
                if (index.origin() != Index.ORIGIN_CREATE) {
                    throw SqliteException.error(
                            "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
                }
                p.needWrite();
                deleteSchemaRows(1, index.name(), "index", true);
                StatRows.forget(p, index.name(), true, iDb);
                p.v.addOp(Opcode.DESTROY, index.rootPage(), p.reg(), iDb);
                schemaChanged();
                return;
            }
            case VIEW: {
                dev.skerry.engine.schema.View view = null;
                if (drop.name().schema() == null || isTemp(drop.name())) {
                    view = p.schema.findTempView(name);
                    if (view != null) {
                        iDb = 1;
                    }
                }
                if (isTemp(drop.name()) && view == null) {
                    if (drop.ifExists()) {
                        return;
                    }
                    throw SqliteException.error("no such view: " + drop.name());
                }
                if (view == null) {
                    view = named >= 2 ? p.schema.database(named).findOwnView(name) : p.schema.findView(name);
                    iDb = named >= 2 ? named : view != null && p.schema.findOwnView(name) != view ? dbOfView(view) : iDb;
                }
                if (view == null && p.schema.findTable(name) != null) {
                    throw SqliteException.error("use DROP TABLE to delete table " + p.schema.findTable(name).name());
                }
                if (view == null) {
                    if (drop.ifExists()) {
                        return;
                    }
                    throw SqliteException.error("no such view: " + drop.name());
                }
                p.needWrite();
                dropTriggersOn(view.name());
                deleteSchemaRows(1, view.name(), "view", true);
                schemaChanged();
                return;
            }
            default:
                throw SqliteException.error("not a droppable object: " + drop.kind());
        }
    }

    /** DROP TRIGGER: a TEMP trigger is searched before one of the main schema unless a schema is named. */
    private void dropTrigger(Stmt.Drop drop) throws SqliteException {
        String name = drop.name().name().text();
        String schemaName = drop.name().schema() == null ? null : drop.name().schema().text();
        dev.skerry.engine.schema.Trigger t = schemaName == null || isTemp(drop.name())
                ? p.schema.findTempTrigger(name) : null;
        if (t == null && (schemaName == null || Names.equal(schemaName, "main"))) {
            t = p.schema.findMainTrigger(name);
        }
        int named = schemaName == null ? 0 : p.schema.findDatabase(schemaName);
        if (t == null && (schemaName == null || named >= 2)) {
            t = schemaName == null ? p.schema.findTrigger(name) : p.schema.database(named).findMainTrigger(name);
        }
        if (t == null) {
            if (drop.ifExists()) {
                return;
            }
            throw SqliteException.error("no such trigger: " + drop.name());
        }
        iDb = dbOfTrigger(t);
        p.needWrite();
        deleteTriggerRow(t.name());
        schemaChanged();
    }

    /**
     * Drops the triggers on the table or view {@code name} of the database being changed (its DROP removes
     * them, as SQLite's does); when it is in main, the TEMP triggers on it too, in the TEMP database.
     */
    private void dropTriggersOn(String name) throws SqliteException {
        int own = iDb;
        boolean tempChanged = false;
        if (own >= 2) {
            for (dev.skerry.engine.schema.Trigger t : p.schema.database(own).triggersOn(name)) {
                deleteTriggerRow(t.name());
            }
        }
        List<dev.skerry.engine.schema.Trigger> on = own >= 2 ? p.schema.temp().triggersOn(name)
                : p.schema.triggersOn(name);
        for (dev.skerry.engine.schema.Trigger t : on) {
            if (t.temp() && (t.tableDb() >= 0 ? t.tableDb() != own : own >= 2 || onTempTable(t) != (own == 1))) {
                continue;
            }
            if (t.temp()) {
                iDb = 1;
                deleteTriggerRow(t.name());
                tempChanged = true;
            } else if (own == 0) {
                deleteTriggerRow(t.name());
            }
            iDb = own;
        }
        iDb = 1;
        if (tempChanged && own != 1) {
            schemaChanged();
        }
        iDb = own;
    }

    /** The database holding trigger {@code t}. */
    private int dbOfTrigger(dev.skerry.engine.schema.Trigger t) {
        if (t.temp()) {
            return 1;
        }
        for (int db = 2; db < p.schema.databaseCount(); db++) {
            if (p.schema.database(db).findMainTrigger(t.name()) == t) {
                return db;
            }
        }
        return 0;
    }

    /** The attached database holding view {@code v} (0 when none does). */
    private int dbOfView(dev.skerry.engine.schema.View v) {
        for (int db = 2; db < p.schema.databaseCount(); db++) {
            if (p.schema.database(db).findOwnView(v.name()) == v) {
                return db;
            }
        }
        return 0;
    }

    /** CREATE TEMP TABLE/VIEW: the name may be qualified by {@code temp} only (SQLite's {@code sqlite3StartTable}). */
    private void checkTempName(boolean temp, dev.skerry.engine.parser.ast.QualifiedName name) throws SqliteException {
        if (temp && name.schema() != null && !isTemp(name)) {
            checkSchemaName(name);
            throw SqliteException.error("temporary table name must be unqualified");
        }
    }

    /**
     * Whether the TEMP trigger {@code t} is on the TEMP table of its table's name rather than on the main
     * database's: its table is written {@code temp.x}, or {@code x} while the TEMP database has a table or view
     * {@code x} (the table SQLite bound it to when it was created).
     */
    private boolean onTempTable(dev.skerry.engine.schema.Trigger t) throws SqliteException {
        Stmt st = dev.skerry.engine.parser.Parser.parseFirst(t.sql()).statement();
        dev.skerry.engine.parser.ast.QualifiedName table = ((Stmt.CreateTrigger) st).table();
        if (table.schema() != null) {
            return isTemp(table);
        }
        return p.schema.temp().findOwnTable(t.tableName()) != null || p.schema.findTempView(t.tableName()) != null;
    }

    private void checkSchemaName(dev.skerry.engine.parser.ast.QualifiedName name) throws SqliteException {
        if (name.schema() != null && p.schema.findDatabase(name.schema().text()) < 0) {
            throw SqliteException.error("unknown database " + name.schema().text());
        }
    }

    int openSchemaTable() {
        int cur = p.cursor();
        p.v.addOp(Opcode.OPEN_WRITE, cur, 1, iDb, 5);
        p.v.comment("sqlite_schema");
        return cur;
    }

    void insertSchemaRow(int cur, String type, String name, String tblName, int rootReg, String sql) {
        int base = p.regs(5);
        p.v.addString(type, base);
        p.v.addString(name, base + 1);
        p.v.addString(tblName, base + 2);
        p.v.addOp(Opcode.SCOPY, rootReg, base + 3);
        p.v.addString(sql, base + 4);
        int rec = p.reg();
        int rowid = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, base, 5, rec, "BBBDB");
        p.v.addOp(Opcode.NEW_ROWID, cur, rowid);
        p.v.addOp(Opcode.INSERT, cur, rec, rowid);
    }

    /** Deletes the sqlite_schema row of type 'trigger' named {@code name}. */
    private void deleteTriggerRow(String name) {
        deleteSchemaRows(1, name, "trigger", true);
    }

    /**
     * Deletes the rows of sqlite_schema whose column {@code column} (1 name, 2 tbl_name) equals {@code value}
     * and whose type is {@code type} ({@code sameType}) or is not ({@code !sameType}).
     */
    private void deleteSchemaRows(int column, String value, String type, boolean sameType) {
        int cur = openSchemaTable();
        int done = p.label();
        int next = p.label();
        int r = p.reg();
        int v = p.reg();
        int t = p.reg();
        p.v.addString(value, v);
        p.v.addString(type, t);
        p.v.addOp(Opcode.REWIND, cur, done);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, cur, column, r);
        p.v.addOp(Opcode.NE, v, next, r, null, 0);
        p.v.addOp(Opcode.COLUMN, cur, 0, r);
        p.v.addOp(sameType ? Opcode.NE : Opcode.EQ, t, next, r, null, 0);
        p.v.addOp(Opcode.DELETE, cur, 0);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, cur, top);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cur);
    }

    /** Increments the schema cookie and makes the connection reload the schema. */
    void schemaChanged() {
        p.v.addOp(Opcode.SET_COOKIE, iDb, Opcode.BTREE_SCHEMA_VERSION, target().cookie() + 1);
        p.v.addOp(Opcode.PARSE_SCHEMA, iDb, 0, 0, null);
    }
}
