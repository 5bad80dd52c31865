package dev.skerry.engine.translate;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ForeignKeyClause;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.View;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE ... RENAME TO, RENAME COLUMN, ADD COLUMN and DROP COLUMN (SQLite's {@code alter.c}), with
 * SQLite's errors.
 *
 * <p>The new {@code sqlite_schema} texts are computed while compiling, as SQLite's {@code sqlite_rename_*}
 * functions compute them: the stored statements are parsed again and exactly the tokens that name the table
 * or column are replaced ({@code "new"} in double quotes for a table; for a column, the new name as written,
 * quoted when it or the replaced token was). RENAME TO rewrites the table, its indexes (and the names of its
 * automatic indexes) and the foreign keys of every table that refers to it; RENAME COLUMN the table's
 * definition, its indexes and the foreign keys naming the column; ADD COLUMN inserts the column's text
 * where SQLite does (after the last column definition). The program then rewrites those rows of
 * {@code sqlite_schema} in place, increments the schema cookie and reloads the schema.
 *
 * <p>Views and triggers are rewritten and checked by {@link AlterDependents}, as SQLite does with {@code PRAGMA
 * legacy_alter_table} off.
 *
 * <p>ADD COLUMN with a DEFAULT other than NULL on a table that has rows stores the default in the existing
 * rows (SQLite supplies it when reading short records). Not supported (an error, never a silent
 * difference): adding a column with a CHECK constraint to a table that has rows (SQLite verifies the rows
 * against it).
 */
final class AlterCoder {
    private final Parse p;
    /** {@code PRAGMA legacy_alter_table}. */
    private final boolean legacy;
    /**
     * The database of the table altered (0 main, 1 temp, 2… attached): its views and triggers, and the TEMP
     * ones, are rewritten and checked.
     */
    private int db;

    AlterCoder(Parse p) {
        this(p, false);
    }

    AlterCoder(Parse p, boolean legacy) {
        this.p = p;
        this.legacy = legacy;
    }

    /** The table to alter, with SQLite's checks and messages. */
    private Table target(QualifiedName name) throws SqliteException {
        int named = name.schema() == null ? 0 : p.schema.findDatabase(name.schema().text());
        if (named < 0) {
            throw SqliteException.error("no such table: " + name);
        }
        String n = name.name().text();
        Table t = name.schema() == null ? p.schema.findTable(n) : p.schema.database(named).findOwnTable(n);
        if (t == null) {
            if (name.schema() == null ? p.schema.findView(n) != null
                    : named == 1 ? p.schema.findTempView(n) != null : named == 0 ? p.schema.findView(n) != null
                    : p.schema.database(named).findOwnView(n) != null) {
                return null;
            }
            throw SqliteException.error("no such table: " + (name.schema() != null
                    ? p.schema.database(named).name() + "." : "") + n);
        }
        db = t.db();
        return t;
    }

    /** The schema of the altered table's database. */
    private dev.skerry.engine.schema.Schema own() {
        return p.schema.database(db);
    }

    private static void alterable(Table t) throws SqliteException {
        if (t.rootPage() == 1 || Names.reserved(t.name())) {
            throw SqliteException.error("table " + (t.rootPage() == 1 ? "sqlite_master" : t.name())
                    + " may not be altered");
        }
    }

    void renameTable(Stmt.AlterRenameTable st) throws SqliteException {
        Table t = target(st.table());
        String newName = st.newName().text();
        // SQLite looks the new name up in the altered table's database only.
        dev.skerry.engine.schema.Schema in = t == null ? p.schema : own();
        if (t == null ? p.schema.findTable(newName) != null || p.schema.findView(newName) != null
                || p.schema.findIndex(newName) != null
                : in.findOwnTable(newName) != null || in.findOwnView(newName) != null
                || in.findOwnIndex(newName) != null) {
            throw SqliteException.error("there is already another table or index with this name: " + newName);
        }
        if (t == null) {
            View v = p.schema.findView(st.table().name().text());
            if (Names.reserved(v.name())) {
                throw SqliteException.error("table " + v.name() + " may not be altered");
            }
            if (Names.reserved(newName)) {
                throw SqliteException.error("object name reserved for internal use: " + newName);
            }
            throw SqliteException.error("view " + v.name() + " may not be altered");
        }
        alterable(t);
        if (Names.reserved(newName)) {
            throw SqliteException.error("object name reserved for internal use: " + newName);
        }
        String quoted = SqlEdits.quote(newName);
        List<String[]> rows = new ArrayList<>(new AlterDependents(p, legacy).forDatabase(db).renameTable(t, newName));
        for (Table other : own().tables()) {
            Stmt.CreateTable ct = parseTable(other);
            SqlEdits e = new SqlEdits();
            if (other == t) {
                Name n = ct.name().name();
                e.replace(n.start(), n.end(), quoted);
                for (ColumnDef def : ct.columns()) {
                    for (ColumnConstraint cc : def.constraints()) {
                        if (cc instanceof ColumnConstraint.Check) {
                            qualifiedRefs(((ColumnConstraint.Check) cc).expr(), t.name(), quoted, e);
                        }
                    }
                }
                for (TableConstraint tc : ct.constraints()) {
                    if (tc instanceof TableConstraint.Check) {
                        qualifiedRefs(((TableConstraint.Check) tc).expr(), t.name(), quoted, e);
                    }
                }
            }
            // With legacy_alter_table on, SQLite leaves the foreign keys naming the table as they were.
            for (ForeignKeyClause fk : legacy ? List.<ForeignKeyClause>of() : foreignKeys(ct)) {
                if (Names.equal(fk.table().text(), t.name())) {
                    e.replace(fk.table().start(), fk.table().end(), quoted);
                }
            }
            if (!e.isEmpty()) {
                String renamed = other == t ? newName : other.name();
                rows.add(new String[] {"table", other.name(), renamed, renamed, e.apply(other.sql())});
            }
        }
        for (Index ix : t.indexes()) {
            if (ix.sql() == null) {
                String suffix = ix.name().substring(("sqlite_autoindex_" + t.name()).length());
                String auto = "sqlite_autoindex_" + newName + suffix;
                rows.add(new String[] {"index", ix.name(), auto, newName, null});
                continue;
            }
            Stmt.CreateIndex ci = (Stmt.CreateIndex) Parser.parseFirst(ix.sql()).statement();
            SqlEdits e = new SqlEdits();
            e.replace(ci.table().start(), ci.table().end(), quoted);
            rows.add(new String[] {"index", ix.name(), ix.name(), newName, e.apply(ix.sql())});
        }
        AutoincrementCoder.forget(p, t.db(), t.name(), newName);
        rewriteSchemaRows(rows);
    }

    /** The table names qualifying column references {@code table.c} in a CHECK expression, renamed. */
    private static void qualifiedRefs(Expr expr, String table, String quoted, SqlEdits e) {
        if (expr instanceof Expr.ColumnRef) {
            Name q = ((Expr.ColumnRef) expr).table();
            if (q != null && Names.equal(q.text(), table)) {
                e.replace(q.start(), q.end(), quoted);
            }
            return;
        }
        for (Expr child : Exprs.children(expr)) {
            qualifiedRefs(child, table, quoted, e);
        }
    }

    void renameColumn(Stmt.AlterRenameColumn st) throws SqliteException {
        Table t = target(st.table());
        if (t != null) {
            alterable(t);
        } else {
            throw SqliteException.error("cannot rename columns of view \"" + st.table().name().text() + "\"");
        }
        String oldName = st.oldName().text();
        int col = t.findColumn(oldName);
        if (col < 0) {
            throw SqliteException.error("no such column: \""
                    + p.sql.substring(st.oldName().start(), st.oldName().end()) + "\"");
        }
        String newName = st.newName().text();
        int other = t.findColumn(newName);
        if (other >= 0 && other != col) {
            throw SqliteException.error("error in table " + t.name() + " after rename: duplicate column name: "
                    + newName);
        }
        String column = t.column(col).name();
        boolean newQuoted = st.newName().quote() != Name.Quote.NONE;
        AlterDependents dependents = new AlterDependents(p, legacy).forDatabase(db);
        List<String[]> rows = new ArrayList<>(dependents.renameColumn(t, col, newName, newQuoted));
        for (Table tab : own().tables()) {
            Stmt.CreateTable ct = parseTable(tab);
            SqlEdits e = new SqlEdits();
            if (tab == t) {
                columnTokensOfOwnTable(ct, tab.sql(), column, newName, newQuoted, e);
            }
            for (ForeignKeyClause fk : foreignKeys(ct)) {
                if (Names.equal(fk.table().text(), t.name())) {
                    for (Name n : fk.columns()) {
                        rename(e, n, column, newName, newQuoted);
                    }
                }
            }
            if (!e.isEmpty()) {
                rows.add(new String[] {"table", tab.name(), tab.name(), tab.name(), e.apply(tab.sql())});
            }
        }
        for (Index ix : t.indexes()) {
            if (ix.sql() == null) {
                continue;
            }
            Stmt.CreateIndex ci = (Stmt.CreateIndex) Parser.parseFirst(ix.sql()).statement();
            SqlEdits e = new SqlEdits();
            indexedColumns(ci.columns(), column, newName, newQuoted, e);
            for (IndexedColumn ic : ci.columns()) {
                Expr x = ic.expr() instanceof Expr.Collate ? ((Expr.Collate) ic.expr()).operand() : ic.expr();
                if (!(x instanceof Expr.ColumnRef)) {
                    checkTokens(x, ix.sql(), column, newName, newQuoted, e);
                }
            }
            if (ci.where() != null) {
                checkTokens(ci.where(), ix.sql(), column, newName, newQuoted, e);
            }
            if (!e.isEmpty()) {
                rows.add(new String[] {"index", ix.name(), ix.name(), t.name(), e.apply(ix.sql())});
            }
        }
        dependents.secondTempPass(rows);
        dependents.test(dependents.after(rows), "after rename");
        rewriteSchemaRows(rows);
    }

    /**
     * The result column SQLite's ADD COLUMN statement has (with no rows) when it checks the table's rows after
     * the change with a nested query over {@code pragma_quick_check}: a column with a CHECK constraint, a
     * generated NOT NULL column, any column of a STRICT table.
     */
    private static final String QUICK_CHECK_COLUMN = "CASE WHEN quick_check GLOB 'CHECK*' THEN raise(ABORT,"
            + "'CHECK constraint failed') WHEN quick_check GLOB 'non-* value in*' THEN raise(ABORT,"
            + "'type mismatch on DEFAULT') ELSE raise(ABORT,'NOT NULL constraint failed') END";

    void addColumn(Stmt.AlterAddColumn st) throws SqliteException {
        Table t = target(st.table());
        if (t == null) {
            throw SqliteException.error("Cannot add a column to a view");
        }
        alterable(t);
        ColumnDef def = st.column();
        String name = def.name().text();
        if (t.findColumn(name) >= 0) {
            throw SqliteException.error("duplicate column name: " + name);
        }
        boolean notNull = false;
        boolean check = false;
        boolean generated = false;
        ColumnConstraint.Default dflt = null;
        for (ColumnConstraint cc : def.constraints()) {
            if (cc instanceof ColumnConstraint.PrimaryKey) {
                throw SqliteException.error("Cannot add a PRIMARY KEY column");
            } else if (cc instanceof ColumnConstraint.Unique) {
                throw SqliteException.error("Cannot add a UNIQUE column");
            } else if (cc instanceof ColumnConstraint.NotNull) {
                notNull = true;
            } else if (cc instanceof ColumnConstraint.Default) {
                dflt = (ColumnConstraint.Default) cc;
            } else if (cc instanceof ColumnConstraint.Check) {
                check = true;
            } else if (cc instanceof ColumnConstraint.References) {
                ForeignKeyClause fk = ((ColumnConstraint.References) cc).foreignKey();
                if (fk.columns().size() > 1) {
                    throw SqliteException.error("foreign key on " + name + " should reference only one column of table "
                            + fk.table().text());
                }
            } else if (cc instanceof ColumnConstraint.Generated) {
                if (((ColumnConstraint.Generated) cc).stored()) {
                    throw SqliteException.error("cannot add a STORED column");
                }
                generated = true;
            }
        }
        Expr value = dflt == null ? null : dflt.value();
        boolean nullDefault = value == null || (value instanceof Expr.Literal
                && ((Expr.Literal) value).kind() == Expr.LiteralKind.NULL);
        String whenRows = null;
        if (generated) {
            whenRows = null;
        } else if (notNull && nullDefault) {
            whenRows = "Cannot add a NOT NULL column with default value NULL";
        } else if (!nullDefault && !constant(value)) {
            whenRows = "Cannot add a column with non-constant default";
        }
        if (whenRows == null && t.strict() && !nullDefault
                && StrictCoder.defaultMismatch(p, value, def.type() == null ? "" : def.type().text())) {
            whenRows = "type mismatch on DEFAULT";
        }
        String sql = t.sql();
        Stmt.CreateTable ct = parseTable(t);
        int at = addColumnOffset(sql, ct);
        String text = columnText(st);
        String newSql = sql.substring(0, at) + ", " + text + sql.substring(at);
        Table changed = checkDefinition(t, newSql, "after add column");
        if (check || (notNull && generated) || t.strict()) {
            p.v.setResultColumns(new String[] {QUICK_CHECK_COLUMN}, new String[1]);
        }
        p.needWrite();
        if (generated && (notNull || !changed.checks().isEmpty())) {
            GeneratedColumns.checkRows(p, changed, changed.columnCount() - 1);
        } else if (whenRows != null) {
            errorIfNotEmpty(t, whenRows);
        } else if (!nullDefault) {
            rewriteRows(t, -1, value,
                    dev.skerry.engine.value.Affinity.fromDeclaredType(def.type() == null ? "" : def.type().text()));
        }
        if (check && !generated && whenRows == null) {
            GeneratedColumns.checkRows(p, changed, changed.columnCount() - 1);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"table", t.name(), t.name(), t.name(), newSql});
        rewriteSchemaRows(rows);
    }

    /**
     * Verifies the table as it will be, as SQLite parses the schema again after the change: the definition
     * builds, and its CHECK expressions resolve against its columns.
     */
    private Table checkDefinition(Table t, String newSql, String when) throws SqliteException {
        try {
            Stmt.CreateTable ct = (Stmt.CreateTable) Parser.parseFirst(newSql).statement();
            Table changed = dev.skerry.engine.schema.SchemaBuilder.table(ct, newSql, newSql, t.rootPage());
            for (TableConstraint tc : ct.constraints()) {
                if (tc instanceof TableConstraint.ForeignKey) {
                    for (Name n : ((TableConstraint.ForeignKey) tc).columns()) {
                        if (changed.findColumn(n.text()) < 0) {
                            throw SqliteException.error("unknown column \"" + n.text() + "\" in foreign key definition");
                        }
                    }
                }
            }
            Parse scratch = new Parse(p.schema, newSql, p.functions);
            SelectCoder sc = new SelectCoder(scratch);
            Scope scope = new Scope(null, p.schema);
            scope.add(new Source(changed, changed.name(), scratch.cursor()));
            for (dev.skerry.engine.schema.CheckConstraint c : changed.checks()) {
                sc.ex.code(c.expr(), scope);
            }
            GeneratedColumns.check(scratch, changed);
            return changed;
        } catch (SqliteException e) {
            throw SqliteException.error("error in table " + t.name() + " " + when + ": " + e.getMessage());
        }
    }

    /** SQLite's {@code sqlite3ValueFromExpr} succeeds: a literal or TRUE/FALSE, possibly after signs. */
    private static boolean constant(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Unary) {
            x = ((Expr.Unary) x).operand();
        }
        if (x instanceof Expr.ColumnRef && ((Expr.ColumnRef) x).table() == null) {
            String n = ((Expr.ColumnRef) x).column().text();
            return n.equalsIgnoreCase("true") || n.equalsIgnoreCase("false");
        }
        return x instanceof Expr.Literal;
    }

    /** The column definition as written in the ALTER statement, trailing semicolons and spaces dropped. */
    private String columnText(Stmt.AlterAddColumn st) {
        String s = p.sql.substring(st.column().name().start(), st.end());
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ';' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Where SQLite inserts an added column: after the last column definition, before the comma that starts
     * the table constraints, or before the closing parenthesis when there are none.
     */
    private static int addColumnOffset(String sql, Stmt.CreateTable ct) {
        int nameEnd = ct.name().name().end();
        int depth = 0;
        int commas = 0;
        int ncol = ct.columns().size();
        for (SqlEdits.Token tok : SqlEdits.tokens(sql, nameEnd, sql.length())) {
            if (tok.is(sql, '(')) {
                depth++;
            } else if (tok.is(sql, ')')) {
                depth--;
                if (depth == 0) {
                    return tok.start;
                }
            } else if (depth == 1 && tok.is(sql, ',')) {
                commas++;
                if (commas == ncol) {
                    return tok.start;
                }
            }
        }
        return sql.length();
    }

    /** Halts with {@code message} when table {@code t} has a row (SQLite's {@code sqlite3ErrorIfNotEmpty}). */
    private void errorIfNotEmpty(Table t, String message) {
        int cur = p.cursor();
        int empty = p.label();
        p.v.addOp(Opcode.OPEN_READ, cur, t.rootPage(), db, KeyInfos.table(t));
        p.v.addOp(Opcode.REWIND, cur, empty);
        p.v.addOp(Opcode.HALT, ResultCode.SQLITE_ERROR, Opcode.OE_ABORT, 0, message);
        p.resolve(empty);
        p.v.addOp(Opcode.CLOSE, cur);
    }

    /**
     * Rewrites every row of {@code t}: without record field {@code drop} (when not -1), or with {@code append}
     * (stored with affinity {@code appendAffinity}) added at the end. For ADD COLUMN with a DEFAULT SQLite
     * leaves old records short and supplies the default when reading past their end; Skerry's readers do
     * not, so the value is stored instead (the same rows for SQL, records SQLite reads alike). Two passes, as
     * UPDATE: the rowids first, then each row rewritten.
     */
    private void rewriteRows(Table t, int drop, Expr append, char appendAffinity) throws SqliteException {
        int n = t.storedColumnCount();
        int rowids = p.cursor();
        p.v.addOp(Opcode.OPEN_EPHEMERAL, rowids, 1, 0, dev.skerry.engine.btree.KeyInfo.binary(1));
        int read = p.cursor();
        int rowid = p.reg();
        int rec = p.reg();
        int done1 = p.label();
        p.v.addOp(Opcode.OPEN_READ, read, t.rootPage(), db, t.withoutRowid() ? KeyInfos.table(t) : (Object) n);
        p.v.addOp(Opcode.REWIND, read, done1);
        int top1 = p.v.currentAddress();
        p.v.addOp(Opcode.ROWID, read, rowid);
        p.v.addOp(Opcode.MAKE_RECORD, rowid, 1, rec);
        p.v.addOp(Opcode.IDX_INSERT, rowids, rec);
        p.v.addOp(Opcode.NEXT, read, top1);
        p.resolve(done1);
        p.v.addOp(Opcode.CLOSE, read);
        int write = p.cursor();
        int fields = n + (drop >= 0 ? -1 : 1);
        int regs = p.regs(fields);
        StringBuilder aff = new StringBuilder();
        for (int i = 0; i < n - (drop >= 0 ? 1 : 0); i++) {
            aff.append('A');
        }
        if (append != null) {
            new SelectCoder(p).ex.codeTo(append, new Scope(null, p.schema), regs + n);
            aff.append(appendAffinity);
        }
        p.v.addOp(Opcode.OPEN_WRITE, write, t.rootPage(), db,
                t.withoutRowid() ? KeyInfos.table(t) : (Object) Math.max(n, fields));
        int done2 = p.label();
        int next = p.label();
        p.v.addOp(Opcode.REWIND, rowids, done2);
        int top2 = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, rowids, 0, rowid);
        p.v.addOp(Opcode.NOT_EXISTS, write, next, rowid);
        int[] columnOf = new int[n];
        for (int c = 0; c < t.columnCount(); c++) {
            if (t.storageField(c) >= 0) {
                columnOf[t.storageField(c)] = c;
            }
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i != drop) {
                p.v.addOp(Opcode.COLUMN, write, i, regs + k++, ColumnDefault.of(t.column(columnOf[i])));
            }
        }
        p.v.addOp(Opcode.MAKE_RECORD, regs, fields, rec, aff.toString());
        p.v.addOp(Opcode.INSERT, write, rec, rowid);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, rowids, top2);
        p.resolve(done2);
        p.v.addOp(Opcode.CLOSE, write);
        p.v.addOp(Opcode.CLOSE, rowids);
    }

    /**
     * DROP COLUMN: SQLite's checks (not the PRIMARY KEY, not UNIQUE, not the only column; the table, its
     * CHECK constraints and foreign keys and its indexes must still make sense without it), the column's
     * text cut out as SQLite's {@code sqlite_drop_column} cuts it, and every row rewritten without it.
     */
    void dropColumn(Stmt.AlterDropColumn st) throws SqliteException {
        Table t = target(st.table());
        if (t == null) {
            throw SqliteException.error("cannot drop column from view \"" + st.table().name().text() + "\"");
        }
        alterable(t);
        int col = t.findColumn(st.column().text());
        if (col < 0) {
            throw SqliteException.error("no such column: \""
                    + p.sql.substring(st.column().start(), st.column().end()) + "\"");
        }
        String column = t.column(col).name();
        if (t.column(col).primaryKey()) {
            throw SqliteException.error("cannot drop PRIMARY KEY column: \"" + column + "\"");
        }
        for (Index ix : t.indexes()) {
            if (ix.origin() == Index.ORIGIN_UNIQUE && ix.fieldOf(col) >= 0) {
                throw SqliteException.error("cannot drop UNIQUE column: \"" + column + "\"");
            }
        }
        if (t.columnCount() <= 1) {
            throw SqliteException.error("cannot drop column \"" + column + "\": no other columns exist");
        }
        new AlterDependents(p, legacy).forDatabase(db).test(p.schema, "");
        String sql = t.sql();
        Stmt.CreateTable ct = parseTable(t);
        int from;
        int to;
        if (col < ct.columns().size() - 1) {
            from = ct.columns().get(col).name().start();
            to = ct.columns().get(col + 1).name().start();
        } else {
            to = addColumnOffset(sql, ct);
            from = ct.columns().get(col).name().start();
            while (from > 0 && sql.charAt(from) != ',') {
                from--;
            }
        }
        String newSql = sql.substring(0, from) + sql.substring(to);
        checkDefinition(t, newSql, "after drop column");
        for (Index ix : t.indexes()) {
            if (ix.sql() != null && (ix.fieldOf(col) >= 0 || IndexExprCheck.mentions(ix, column))) {
                throw SqliteException.error("error in index " + ix.name() + " after drop column: no such column: "
                        + column);
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"table", t.name(), t.name(), t.name(), newSql});
        AlterDependents dependents = new AlterDependents(p, legacy).forDatabase(db);
        dependents.test(dependents.after(rows), "after drop column");
        p.needWrite();
        if (!t.column(col).isVirtual()) {
            rewriteRows(t, t.storageField(col), null, 'A');
        }
        rewriteSchemaRows(rows);
    }

    private static Stmt.CreateTable parseTable(Table t) throws SqliteException {
        return (Stmt.CreateTable) Parser.parseFirst(t.sql()).statement();
    }

    private static List<ForeignKeyClause> foreignKeys(Stmt.CreateTable ct) {
        List<ForeignKeyClause> out = new ArrayList<>();
        for (ColumnDef def : ct.columns()) {
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.References) {
                    out.add(((ColumnConstraint.References) cc).foreignKey());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey) {
                out.add(((TableConstraint.ForeignKey) tc).foreignKey());
            }
        }
        return out;
    }

    /** Replaces {@code n} when it names {@code column}: unquoted unless the new name or the token is quoted. */
    private static void rename(SqlEdits e, Name n, String column, String newName, boolean newQuoted) {
        if (Names.equal(n.text(), column)) {
            boolean quoted = newQuoted || n.quote() != Name.Quote.NONE;
            e.replace(n.start(), n.end(), quoted ? SqlEdits.quote(newName) : newName);
        }
    }

    /** The tokens of a table's own definition that name the column: its definition, constraint lists, CHECKs. */
    private static void columnTokensOfOwnTable(Stmt.CreateTable ct, String sql, String column, String newName,
            boolean newQuoted, SqlEdits e) {
        for (ColumnDef def : ct.columns()) {
            rename(e, def.name(), column, newName, newQuoted);
            for (ColumnConstraint cc : def.constraints()) {
                if (cc instanceof ColumnConstraint.Check) {
                    checkTokens(((ColumnConstraint.Check) cc).expr(), sql, column, newName, newQuoted, e);
                } else if (cc instanceof ColumnConstraint.Generated) {
                    checkTokens(((ColumnConstraint.Generated) cc).expr(), sql, column, newName, newQuoted, e);
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey) {
                indexedColumns(((TableConstraint.PrimaryKey) tc).columns(), column, newName, newQuoted, e);
            } else if (tc instanceof TableConstraint.Unique) {
                indexedColumns(((TableConstraint.Unique) tc).columns(), column, newName, newQuoted, e);
            } else if (tc instanceof TableConstraint.Check) {
                checkTokens(((TableConstraint.Check) tc).expr(), sql, column, newName, newQuoted, e);
            } else if (tc instanceof TableConstraint.ForeignKey) {
                for (Name n : ((TableConstraint.ForeignKey) tc).columns()) {
                    rename(e, n, column, newName, newQuoted);
                }
            }
        }
    }

    private static void indexedColumns(List<IndexedColumn> cols, String column, String newName, boolean newQuoted,
            SqlEdits e) {
        for (IndexedColumn ic : cols) {
            Expr x = ic.expr();
            if (x instanceof Expr.Collate) {
                x = ((Expr.Collate) x).operand();
            }
            if (x instanceof Expr.ColumnRef) {
                rename(e, ((Expr.ColumnRef) x).column(), column, newName, newQuoted);
            }
        }
    }

    /**
     * The identifiers of a CHECK expression that name the column: words and quoted identifiers equal to it,
     * except function names (followed by a parenthesis) and the words after COLLATE or a dot-less AS.
     */
    private static void checkTokens(Expr expr, String sql, String column, String newName, boolean newQuoted,
            SqlEdits e) {
        List<SqlEdits.Token> toks = SqlEdits.tokens(sql, expr.start(), expr.end());
        for (int k = 0; k < toks.size(); k++) {
            SqlEdits.Token tok = toks.get(k);
            String id = tok.identifier(sql);
            if (id == null || !Names.equal(id, column)) {
                continue;
            }
            if (k + 1 < toks.size() && toks.get(k + 1).is(sql, '(')) {
                continue;
            }
            if (k > 0) {
                String prev = toks.get(k - 1).identifier(sql);
                if (prev != null && toks.get(k - 1).kind == SqlEdits.Token.WORD
                        && (prev.equalsIgnoreCase("collate") || prev.equalsIgnoreCase("as"))) {
                    continue;
                }
            }
            boolean quoted = newQuoted || tok.kind == SqlEdits.Token.QUOTED_ID;
            e.replace(tok.start, tok.end, quoted ? SqlEdits.quote(newName) : newName);
        }
    }

    /**
     * Rewrites rows of {@code sqlite_schema} in place: each entry {type, old name, new name, new tbl_name,
     * new sql (null for NULL)} replaces the row of that type and name, keeping its rowid and root page; then
     * the schema cookie is incremented and the schema reloaded.
     */
    private void rewriteSchemaRows(List<String[]> rows) {
        List<String[]> own = new ArrayList<>();
        List<String[]> temp = new ArrayList<>();
        for (String[] row : rows) {
            (row.length > 5 && db != 1 ? temp : own).add(row);
        }
        rewriteSchemaRows(own, db);
        if (!temp.isEmpty()) {
            rewriteSchemaRows(temp, 1);
        }
    }

    /** As {@link #rewriteSchemaRows(List)} in the sqlite_schema of database {@code iDb}. */
    private void rewriteSchemaRows(List<String[]> rows, int iDb) {
        p.needWrite();
        int cur = p.cursor();
        p.v.addOp(Opcode.OPEN_WRITE, cur, 1, iDb, 5);
        p.v.comment("sqlite_schema");
        int nameReg = p.reg();
        int typeReg = p.reg();
        int rowid = p.reg();
        int base = p.regs(5);
        int rec = p.reg();
        for (String[] row : rows) {
            int done = p.label();
            int next = p.label();
            int want = p.reg();
            int wantType = p.reg();
            p.v.addString(row[1], want);
            p.v.addString(row[0], wantType);
            p.v.addOp(Opcode.REWIND, cur, done);
            int top = p.v.currentAddress();
            p.v.addOp(Opcode.COLUMN, cur, 1, nameReg);
            p.v.addOp(Opcode.NE, want, next, nameReg, null, 0);
            p.v.addOp(Opcode.COLUMN, cur, 0, typeReg);
            p.v.addOp(Opcode.NE, wantType, next, typeReg, null, 0);
            p.v.addOp(Opcode.ROWID, cur, rowid);
            p.v.addString(row[0], base);
            p.v.addString(row[2], base + 1);
            p.v.addString(row[3], base + 2);
            p.v.addOp(Opcode.COLUMN, cur, 3, base + 3);
            p.v.addString(row[4], base + 4);
            p.v.addOp(Opcode.MAKE_RECORD, base, 5, rec, "BBBDB");
            p.v.addOp(Opcode.INSERT, cur, rec, rowid);
            p.v.addOp(Opcode.GOTO, 0, done);
            p.resolve(next);
            p.v.addOp(Opcode.NEXT, cur, top);
            p.resolve(done);
        }
        p.v.addOp(Opcode.CLOSE, cur);
        p.v.addOp(Opcode.SET_COOKIE, iDb, Opcode.BTREE_SCHEMA_VERSION, p.schema.database(iDb).cookie() + 1);
        p.v.addOp(Opcode.PARSE_SCHEMA, iDb, 0, 0, null);
    }
}
