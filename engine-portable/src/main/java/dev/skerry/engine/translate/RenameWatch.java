package dev.skerry.engine.translate;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The names in one stored statement (the CREATE text of a view or trigger) that refer to a table being renamed,
 * or to a column being renamed, found as SQLite finds them for ALTER TABLE: the statement is compiled and every
 * name that resolves to that table or column is noted (SQLite's rename-token map, filled while names are
 * resolved). Only names resolved while the compiling {@link Parse} reads {@link #sql} count: the queries of
 * other views expanded on the way, and the programs of other triggers, point into other texts.
 *
 * <p>For a column ({@code column >= 0}): the column token of each reference to that column of the table,
 * including {@code NEW.x}/{@code OLD.x} in a trigger on the table and references from correlated subqueries.
 * For the table ({@code column == -1}): each FROM item naming the table, and the qualifier of each {@code
 * t.x} and {@code t.*} whose source is the table under its own name (not an alias). SQLite 3.50 also renames the qualifier of an
 * upsert's {@code excluded.x} (its pseudo-table is the table), which changes what the upsert reads; so does this.
 *
 * <p>States: {@link #parse} is set by whoever compiles {@link #sql}; names accumulate while it compiles and are
 * read afterwards with {@link #names()}.
 */
final class RenameWatch {
    private final Table table;
    private final int column;
    private final String sql;
    /** The Parse compiling {@link #sql}. */
    Parse parse;
    private final List<Name> names = new ArrayList<>();

    RenameWatch(Table table, int column, String sql) {
        this.table = table;
        this.column = column;
        this.sql = sql;
    }

    /** Notes {@code ref} when it names the watched column, or is qualified by the watched table's name. */
    void column(Expr.ColumnRef ref, Source source, int resolvedColumn) {
        if (!reading() || source.table != table) {
            return;
        }
        if (column >= 0) {
            if (resolvedColumn == column) {
                add(ref.column());
            }
        } else if (ref.table() != null && (Names.equal(source.name, table.name())
                || Names.equal(source.name, "excluded"))) {
            add(ref.table());
        }
    }

    /** Notes the qualifier of {@code X.*} when {@code source} is the watched table under its own name. */
    void tableStar(Name qualifier, Source source) {
        if (column < 0 && reading() && source.table == table && Names.equal(source.name, table.name())) {
            add(qualifier);
        }
    }

    /** Notes a FROM item's table name when it is the watched table (renamed as a whole). */
    void table(Parse p, Name name, Table t) {
        if (column < 0 && t == table && p == parse && reading()) {
            add(name);
        }
    }

    private boolean reading() {
        return parse != null && parse.sql == sql;
    }

    private void add(Name n) {
        if (n.end() <= n.start() || n.end() > sql.length() || !n.text().equalsIgnoreCase(dequoted(n))) {
            return;
        }
        for (Name m : names) {
            if (m.start() == n.start()) {
                return;
            }
        }
        names.add(n);
    }

    /** The identifier written at {@code n}'s span (a name made up by the compiler, as for {@code *}, has none). */
    private String dequoted(Name n) {
        String s = sql.substring(n.start(), n.end());
        if (n.quote() == Name.Quote.NONE || s.length() < 2) {
            return s;
        }
        char close = s.charAt(0) == '[' ? ']' : s.charAt(0);
        return s.substring(1, s.length() - 1).replace("" + close + close, "" + close);
    }

    /** The names found, each once, in no particular order. */
    List<Name> names() {
        return names;
    }
}
