package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.ForeignKeyClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One foreign key constraint of a child table (SQLite's {@code FKey}), read from the table's CREATE TABLE
 * text: the child columns, the parent table's name and the parent columns as written (none when the key
 * refers to the parent's PRIMARY KEY), the ON DELETE/ON UPDATE actions and whether it is DEFERRABLE INITIALLY
 * DEFERRED. Immutable; valid for the schema it was read from.
 */
final class ForeignKey {
    final Table child;
    /** The child key columns, in the order written. */
    final int[] childColumns;
    final String parentName;
    /** The parent key columns as written, or null (the parent's PRIMARY KEY). */
    final String[] parentColumns;
    final ForeignKeyClause.Action onDelete;
    final ForeignKeyClause.Action onUpdate;
    final boolean deferred;

    private ForeignKey(Table child, int[] childColumns, ForeignKeyClause clause, boolean deferred) {
        this.child = child;
        this.childColumns = childColumns;
        this.parentName = clause.table().text();
        if (clause.columns().isEmpty()) {
            this.parentColumns = null;
        } else {
            this.parentColumns = new String[clause.columns().size()];
            for (int k = 0; k < parentColumns.length; k++) {
                parentColumns[k] = clause.columns().get(k).text();
            }
        }
        this.onDelete = clause.onDelete();
        this.onUpdate = clause.onUpdate();
        this.deferred = deferred;
    }

    /** The number of columns of the key. */
    int size() {
        return childColumns.length;
    }

    /** The action for a DELETE ({@code update} false) or an UPDATE of the parent key. */
    ForeignKeyClause.Action action(boolean update) {
        return update ? onUpdate : onDelete;
    }

    /**
     * The foreign keys of {@code table}, in SQLite's order (the last declared first, as {@code
     * foreign_key_list} numbers them); a {@code DEFERRABLE} written as a column constraint of its own applies to
     * the key declared just before it.
     */
    static List<ForeignKey> of(Table table) throws SqliteException {
        List<ForeignKey> out = new ArrayList<>();
        if (table.sql() == null) {
            return out;
        }
        Stmt st = Parser.parseFirst(table.sql()).statement();
        if (!(st instanceof Stmt.CreateTable)) {
            return out;
        }
        Stmt.CreateTable ct = (Stmt.CreateTable) st;
        List<int[]> cols = new ArrayList<>();
        List<ForeignKeyClause> clauses = new ArrayList<>();
        List<Boolean> deferred = new ArrayList<>();
        for (ColumnDef def : ct.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.References) {
                    ForeignKeyClause fk = ((ColumnConstraint.References) cc).foreignKey();
                    cols.add(new int[] {table.findColumn(def.name().text())});
                    clauses.add(fk);
                    deferred.add(fk.initiallyDeferred());
                } else if (cc instanceof ColumnConstraint.Deferrable && !deferred.isEmpty()) {
                    deferred.set(deferred.size() - 1, ((ColumnConstraint.Deferrable) cc).initiallyDeferred());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey) {
                List<Name> names = ((TableConstraint.ForeignKey) tc).columns();
                int[] c = new int[names.size()];
                for (int k = 0; k < c.length; k++) {
                    c[k] = table.findColumn(names.get(k).text());
                }
                ForeignKeyClause fk = ((TableConstraint.ForeignKey) tc).foreignKey();
                cols.add(c);
                clauses.add(fk);
                deferred.add(fk.initiallyDeferred());
            }
        }
        for (int k = clauses.size() - 1; k >= 0; k--) {
            out.add(new ForeignKey(table, cols.get(k), clauses.get(k), deferred.get(k)));
        }
        return out;
    }

    /**
     * SQLite's checks of the foreign keys of a CREATE TABLE ({@code sqlite3CreateForeignKey}), in the order
     * written: a column's REFERENCES names at most one parent column, a FOREIGN KEY names as many parent
     * columns as child columns (or none), and every child column exists in {@code table}.
     */
    static void validate(Stmt.CreateTable ct, Table table) throws SqliteException {
        for (ColumnDef def : ct.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.References
                        && ((ColumnConstraint.References) cc).foreignKey().columns().size() > 1) {
                    throw SqliteException.error("foreign key on " + def.name().text()
                            + " should reference only one column of table "
                            + ((ColumnConstraint.References) cc).foreignKey().table().text());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey) {
                TableConstraint.ForeignKey fk = (TableConstraint.ForeignKey) tc;
                int parents = fk.foreignKey().columns().size();
                if (parents != 0 && parents != fk.columns().size()) {
                    throw SqliteException.error("number of columns in foreign key does not match the number of "
                            + "columns in the referenced table");
                }
                for (Name n : fk.columns()) {
                    if (table.findColumn(n.text()) < 0) {
                        throw SqliteException.error("unknown column \"" + n.text() + "\" in foreign key definition");
                    }
                }
            }
        }
    }

    /**
     * The parent key of this constraint in {@code parent} (SQLite's {@code sqlite3FkLocateIndex}): null for
     * the parent's INTEGER PRIMARY KEY (the rowid), else the parent's PRIMARY KEY or UNIQUE index (not
     * partial) whose columns are exactly the parent key columns with their default collations. {@code
     * indexToChild} receives, for each index column, the child column it is compared with. Throws
     * SQLite's "foreign key mismatch" error when there is no such key.
     */
    Index parentIndex(Table parent, int[] indexToChild) throws SqliteException {
        int n = size();
        if (n == 1 && parent.rowidAlias() >= 0) {
            if (parentColumns == null
                    || Names.equal(parent.column(parent.rowidAlias()).name(), parentColumns[0])) {
                return null;
            }
        }
        for (Index index : WithoutRowidCoder.plannable(parent)) {
            if (index.columnCount() != n || !index.unique() || index.where() != null) {
                continue;
            }
            if (parentColumns == null) {
                if (index.origin() == Index.ORIGIN_PRIMARY_KEY) {
                    System.arraycopy(childColumns, 0, indexToChild, 0, n);
                    return index;
                }
                continue;
            }
            int k = 0;
            for (; k < n; k++) {
                int c = index.column(k);
                if (c < 0 || index.collation(k) != parent.column(c).collation()) {
                    break;
                }
                int j = 0;
                while (j < n && !Names.equal(parentColumns[j], parent.column(c).name())) {
                    j++;
                }
                if (j == n) {
                    break;
                }
                indexToChild[k] = childColumns[j];
            }
            if (k == n) {
                return index;
            }
        }
        throw mismatch();
    }

    /** SQLite's error for a parent key that is not unique, or a parent that is a view. */
    SqliteException mismatch() {
        return SqliteException.error("foreign key mismatch - \"" + child.name() + "\" referencing \"" + parentName
                + "\"");
    }
}
