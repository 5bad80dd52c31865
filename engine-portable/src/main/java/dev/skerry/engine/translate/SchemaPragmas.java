package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ForeignKeyClause;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the pragmas that describe the schema, computed while the statement is compiled, as SQLite's
 * {@code sqlite3Pragma} does from its in-memory schema: {@code table_info}, {@code table_xinfo},
 * {@code index_list}, {@code index_info}, {@code index_xinfo}, {@code foreign_key_list}. What the schema
 * model does not keep (the text of a column's COLLATE and of an index column's, the foreign keys) is read
 * back from the object's stored {@code CREATE} text. Each method returns the rows, each an array of
 * Long/String/null values in the pragma's column order.
 */
final class SchemaPragmas {
    /** SQLite's standard type names, which it reports in upper case whatever case they were written in. */
    private static final String[] STD_TYPES = {"ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT"};

    private SchemaPragmas() {
    }

    static final String[] TABLE_INFO = {"cid", "name", "type", "notnull", "dflt_value", "pk"};
    static final String[] TABLE_XINFO = {"cid", "name", "type", "notnull", "dflt_value", "pk", "hidden"};

    /**
     * {@code table_info} ({@code extended} false) or {@code table_xinfo} of {@code table}. As SQLite's, table_info
     * leaves generated columns out (numbering the others without them); table_xinfo shows them with
     * {@code hidden} 2 (VIRTUAL) or 3 (STORED).
     */
    static List<Object[]> tableInfo(Table table, boolean extended) throws SqliteException {
        List<Object[]> rows = new ArrayList<>();
        String[] defaults = defaultTexts(table);
        int[] pkPos = primaryKeyPositions(table);
        int hidden = 0;
        for (int c = 0; c < table.columnCount(); c++) {
            Column col = table.column(c);
            if (col.isGenerated() && !extended) {
                hidden++;
                continue;
            }
            Object[] row = new Object[extended ? 7 : 6];
            row[0] = (long) (c - hidden);
            row[1] = col.name();
            row[2] = typeText(col.declaredType());
            row[3] = col.notNull() ? 1L : 0L;
            row[4] = defaults[c];
            row[5] = (long) pkPos[c];
            if (extended) {
                row[6] = (long) col.generatedKind();
            }
            rows.add(row);
        }
        return rows;
    }

    /** The declared type as SQLite reports it: dequoted, a standard type name in upper case. */
    static String typeText(String declared) {
        for (String t : STD_TYPES) {
            if (t.equalsIgnoreCase(declared)) {
                return t;
            }
        }
        return Names.dequote(declared);
    }

    /** For each column, its 1-based position in the PRIMARY KEY, or 0. */
    private static int[] primaryKeyPositions(Table table) {
        int[] pos = new int[table.columnCount()];
        if (table.rowidAlias() >= 0) {
            pos[table.rowidAlias()] = 1;
            return pos;
        }
        for (Index index : WithoutRowidCoder.plannable(table)) {
            if (index.origin() == Index.ORIGIN_PRIMARY_KEY) {
                for (int k = 0; k < index.columnCount(); k++) {
                    if (pos[index.column(k)] == 0) {
                        pos[index.column(k)] = k + 1;
                    }
                }
            }
        }
        return pos;
    }

    /** The DEFAULT text of each column (null when it has none), from the table's CREATE TABLE. */
    private static String[] defaultTexts(Table table) throws SqliteException {
        String[] out = new String[table.columnCount()];
        Stmt.CreateTable ct = createTable(table);
        if (ct == null) {
            return out;
        }
        for (int c = 0; c < ct.columns().size() && c < out.length; c++) {
            for (ColumnConstraint cc : ct.columns().get(c).constraints()) {
                if (cc instanceof ColumnConstraint.Default) {
                    out[c] = ((ColumnConstraint.Default) cc).text();
                }
            }
        }
        return out;
    }

    private static Stmt.CreateTable createTable(Table table) throws SqliteException {
        if (table.sql() == null) {
            return null;
        }
        Stmt st = Parser.parseFirst(table.sql()).statement();
        return st instanceof Stmt.CreateTable ? (Stmt.CreateTable) st : null;
    }

    static final String[] INDEX_LIST = {"seq", "name", "unique", "origin", "partial"};

    /** {@code index_list} of {@code table}, in the order SQLite keeps a table's indexes. */
    static List<Object[]> indexList(Table table) {
        List<Object[]> rows = new ArrayList<>();
        long seq = 0;
        for (Index index : WithoutRowidCoder.inIndexOrder(table)) {
            String origin = index.origin() == Index.ORIGIN_PRIMARY_KEY ? "pk"
                    : String.valueOf(index.origin());
            rows.add(new Object[] {seq++, index.name(), index.unique() ? 1L : 0L, origin,
                index.where() != null ? 1L : 0L});
        }
        return rows;
    }

    static final String[] INDEX_INFO = {"seqno", "cid", "name"};
    static final String[] INDEX_XINFO = {"seqno", "cid", "name", "desc", "coll", "key"};

    /** {@code index_info} ({@code extended} false: the key columns) or {@code index_xinfo} (and the rowid). */
    static List<Object[]> indexInfo(Index index, boolean extended) throws SqliteException {
        List<Object[]> rows = new ArrayList<>();
        Table table = index.table();
        String[] colls = collationTexts(index);
        int n = index.columnCount();
        for (int k = 0; k < n; k++) {
            int c = index.column(k);
            String name = c == Index.EXPR ? null : table.column(c).name();
            if (extended) {
                rows.add(new Object[] {(long) k, (long) c, name, index.desc(k) ? 1L : 0L, colls[k], 1L});
            } else {
                rows.add(new Object[] {(long) k, (long) c, name});
            }
        }
        if (extended && table.withoutRowid()) {
            withoutRowidFields(index, rows);
        } else if (extended) {
            rows.add(new Object[] {(long) n, -1L, null, 0L, "BINARY", 0L});
        }
        return rows;
    }

    /**
     * The {@code index_xinfo} rows after the key of an index of a WITHOUT ROWID table: for its PRIMARY KEY the
     * other stored columns in declaration order; for another index the PRIMARY KEY columns it carries, with
     * the PRIMARY KEY's sort orders and collations as SQLite reports them.
     */
    private static void withoutRowidFields(Index index, List<Object[]> rows) throws SqliteException {
        Table table = index.table();
        Index pk = table.primaryKey();
        long seq = index.columnCount();
        if (index == pk) {
            String[] columnColl = columnCollationTexts(table, createTable(table));
            for (int c = 0; c < table.columnCount(); c++) {
                if (pk.fieldOf(c) < 0 && !table.column(c).isVirtual()) {
                    rows.add(new Object[] {seq++, (long) c, table.column(c).name(), 0L,
                        columnColl[c] != null ? columnColl[c] : "BINARY", 0L});
                }
            }
            return;
        }
        String[] pkColl = collationTexts(pk);
        for (int j : index.pkSuffix()) {
            int c = pk.column(j);
            rows.add(new Object[] {seq++, (long) c, table.column(c).name(), pk.desc(j) ? 1L : 0L, pkColl[j], 0L});
        }
    }

    /** Each column's COLLATE as written in {@code ct}, the table's CREATE TABLE (null: none known), or null. */
    private static String[] columnCollationTexts(Table table, Stmt.CreateTable ct) {
        String[] columnColl = new String[table.columnCount()];
        if (ct != null) {
            for (int c = 0; c < ct.columns().size() && c < columnColl.length; c++) {
                for (ColumnConstraint cc : ct.columns().get(c).constraints()) {
                    if (cc instanceof ColumnConstraint.Collate) {
                        columnColl[c] = ((ColumnConstraint.Collate) cc).collation().text();
                    }
                }
            }
        }
        return columnColl;
    }

    /**
     * The collating sequence names of an index's key columns as SQLite keeps them: the COLLATE written in the
     * CREATE INDEX, else the column's COLLATE as written in the CREATE TABLE, else {@code BINARY}.
     */
    private static String[] collationTexts(Index index) throws SqliteException {
        Table table = index.table();
        int n = index.columnCount();
        String[] out = new String[n];
        Stmt.CreateTable ct = createTable(table);
        String[] columnColl = columnCollationTexts(table, ct);
        List<IndexedColumn> written = writtenColumns(index, ct);
        for (int k = 0; k < n; k++) {
            String text = null;
            if (written != null && k < written.size() && written.get(k).expr() instanceof Expr.Collate) {
                text = ((Expr.Collate) written.get(k).expr()).collation().text();
            }
            if (text == null && index.column(k) == Index.EXPR) {
                text = index.collation(k).name();
            } else if (text == null) {
                text = columnColl[index.column(k)];
            }
            out[k] = text != null ? text : "BINARY";
        }
        return out;
    }

    /** The columns as written: a CREATE INDEX's, or the table constraint an automatic index was made for. */
    private static List<IndexedColumn> writtenColumns(Index index, Stmt.CreateTable ct) throws SqliteException {
        if (index.sql() != null) {
            Stmt st = Parser.parseFirst(index.sql()).statement();
            return st instanceof Stmt.CreateIndex ? ((Stmt.CreateIndex) st).columns() : null;
        }
        if (ct == null) {
            return null;
        }
        for (TableConstraint tc : ct.constraints()) {
            List<IndexedColumn> cols = null;
            if (tc instanceof TableConstraint.PrimaryKey && index.origin() == Index.ORIGIN_PRIMARY_KEY) {
                cols = ((TableConstraint.PrimaryKey) tc).columns();
            } else if (tc instanceof TableConstraint.Unique && index.origin() == Index.ORIGIN_UNIQUE) {
                cols = ((TableConstraint.Unique) tc).columns();
            }
            if (cols != null && sameColumns(index, cols)) {
                return cols;
            }
        }
        return null;
    }

    private static boolean sameColumns(Index index, List<IndexedColumn> cols) {
        if (cols.size() != index.columnCount()) {
            return false;
        }
        for (int k = 0; k < cols.size(); k++) {
            Expr e = cols.get(k).expr();
            if (e instanceof Expr.Collate) {
                e = ((Expr.Collate) e).operand();
            }
            if (!(e instanceof Expr.ColumnRef)
                    || index.table().findColumn(((Expr.ColumnRef) e).column().text()) != index.column(k)) {
                return false;
            }
        }
        return true;
    }

    static final String[] FOREIGN_KEY_LIST = {"id", "seq", "table", "from", "to", "on_update", "on_delete", "match"};

    /**
     * {@code foreign_key_list} of {@code table}: SQLite keeps a table's foreign keys newest first (column
     * REFERENCES in column order, then FOREIGN KEY constraints, each put at the head of the list), so the last
     * one declared has id 0.
     */
    static List<Object[]> foreignKeyList(Table table) throws SqliteException {
        Stmt.CreateTable ct = createTable(table);
        List<Object[]> rows = new ArrayList<>();
        if (ct == null) {
            return rows;
        }
        List<List<Name>> froms = new ArrayList<>();
        List<ForeignKeyClause> clauses = new ArrayList<>();
        for (ColumnDef def : ct.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.References) {
                    froms.add(List.of(def.name()));
                    clauses.add(((ColumnConstraint.References) cc).foreignKey());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey) {
                froms.add(((TableConstraint.ForeignKey) tc).columns());
                clauses.add(((TableConstraint.ForeignKey) tc).foreignKey());
            }
        }
        long id = 0;
        for (int f = clauses.size() - 1; f >= 0; f--) {
            ForeignKeyClause fk = clauses.get(f);
            List<Name> from = froms.get(f);
            for (int k = 0; k < from.size(); k++) {
                String to = k < fk.columns().size() ? fk.columns().get(k).text() : null;
                rows.add(new Object[] {id, (long) k, fk.table().text(), columnName(table, from.get(k).text()), to,
                    action(fk.onUpdate()), action(fk.onDelete()), "NONE"});
            }
            id++;
        }
        return rows;
    }

    /** The column's name as declared (the FOREIGN KEY clause may spell it in another case). */
    private static String columnName(Table table, String written) {
        int c = table.findColumn(written);
        return c >= 0 ? table.column(c).name() : written;
    }

    private static String action(ForeignKeyClause.Action a) {
        switch (a) {
            case SET_NULL: return "SET NULL";
            case SET_DEFAULT: return "SET DEFAULT";
            case CASCADE: return "CASCADE";
            case RESTRICT: return "RESTRICT";
            default: return "NO ACTION";
        }
    }
}
