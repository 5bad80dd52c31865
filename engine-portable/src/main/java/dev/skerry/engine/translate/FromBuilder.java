package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a FROM clause into the {@link Source}s of a scope and the join terms (SQLite's {@code sqlite3SrcList}
 * handling in {@code select.c}): tables are looked up in the schema, subqueries are materialized into
 * ephemeral tables before the loops, and NATURAL/USING joins become equality terms with the right-hand
 * column hidden from unqualified names. LEFT JOIN marks its right side and keeps its ON terms apart.
 */
final class FromBuilder {
    /** What the FROM clause gave: the sources are in {@link Scope#sources}. */
    static final class Result {
        final List<WhereTerm> terms = new ArrayList<>();
        final List<Expr> joinExprs = new ArrayList<>();
        final List<Integer> joinLevels = new ArrayList<>();
        boolean[] leftInner = new boolean[0];
    }

    private FromBuilder() {
    }

    static Result build(Parse p, SelectCoder selects, FromClause from, Scope scope) throws SqliteException {
        Result r = new Result();
        if (from == null) {
            return r;
        }
        List<FromClause.Join> joins = from.joins();
        r.leftInner = new boolean[joins.size() + 1];
        add(p, selects, from.first(), scope);
        for (int j = 0; j < joins.size(); j++) {
            FromClause.Join join = joins.get(j);
            int level = j + 1;
            if (join.type() == FromClause.JoinType.RIGHT || join.type() == FromClause.JoinType.FULL) {
                throw SqliteException.error("RIGHT and FULL OUTER JOINs are not supported");
            }
            add(p, selects, join.right(), scope);
            boolean left = join.type() == FromClause.JoinType.LEFT;
            r.leftInner[level] = left;
            if (join.natural() && (join.on() != null || !join.using().isEmpty())) {
                throw SqliteException.error("a NATURAL join may not have an ON or USING clause");
            }
            if (join.on() != null && !join.using().isEmpty()) {
                throw SqliteException.error("cannot have both ON and USING clauses in the same join");
            }
            Source right = scope.sources.get(level);
            List<String> using = new ArrayList<>();
            if (join.natural()) {
                for (String c : right.columnNames) {
                    if (leftSourceWith(scope, level, c) >= 0) {
                        using.add(c);
                    }
                }
            } else {
                for (Name n : join.using()) {
                    using.add(n.text());
                }
            }
            for (String c : using) {
                int ls = leftSourceWith(scope, level, c);
                int rc = right.findColumn(c);
                if (ls < 0 || rc < 0) {
                    throw SqliteException.error("cannot join using column " + c
                            + " - column not present in both tables");
                }
                Source lsrc = scope.sources.get(ls);
                Expr eq = new Expr.Binary(Expr.BinaryOp.EQ, ref(lsrc, lsrc.columnNames[lsrc.findColumn(c)]),
                        ref(right, right.columnNames[rc]), 0, 0);
                r.joinExprs.add(eq);
                r.joinLevels.add(left ? level : -1);
                scope.hiddenColumns.add(new int[] {level, rc});
            }
            if (join.on() != null) {
                r.joinExprs.add(join.on());
                r.joinLevels.add(left ? level : -1);
            }
        }
        return r;
    }

    /** Splits the join conditions into terms once every source is known. */
    static void terms(Result r, Scope scope) throws SqliteException {
        for (int k = 0; k < r.joinExprs.size(); k++) {
            WhereTerm.split(r.joinExprs.get(k), scope, scope.sources, r.joinLevels.get(k), r.terms);
        }
    }

    /** A qualified reference to column {@code column} of {@code s}. */
    static Expr.ColumnRef ref(Source s, String column) {
        return new Expr.ColumnRef(null, new Name(s.name, Name.Quote.NONE, 0, 0),
                new Name(column, Name.Quote.NONE, 0, 0), 0, 0);
    }

    private static int leftSourceWith(Scope scope, int level, String column) {
        for (int k = 0; k < level; k++) {
            int c = scope.sources.get(k).findColumn(column);
            if (c >= 0 && !hidden(scope, k, c)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hidden(Scope scope, int k, int c) {
        for (int[] h : scope.hiddenColumns) {
            if (h[0] == k && h[1] == c) {
                return true;
            }
        }
        return false;
    }

    private static void add(Parse p, SelectCoder selects, TableOrSubquery item, Scope scope) throws SqliteException {
        if (item instanceof TableOrSubquery.Table) {
            TableOrSubquery.Table t = (TableOrSubquery.Table) item;
            Table table = lookupTable(p, t.name());
            if (t.indexedBy() != null && p.schema.findIndex(t.indexedBy().text()) == null) {
                throw SqliteException.error("no such index: " + t.indexedBy().text());
            }
            String name = t.alias() != null ? t.alias().text() : table.name();
            scope.add(new Source(table, name, p.cursor()));
            return;
        }
        if (item instanceof TableOrSubquery.Subquery) {
            TableOrSubquery.Subquery sq = (TableOrSubquery.Subquery) item;
            int cursor = p.cursor();
            int open = p.v.addOp(Opcode.OPEN_EPHEMERAL, cursor, 0);
            SelectCoder.ResultInfo info = selects.compile(sq.select(), scope.outer, (first, cnt) -> {
                int rec = p.reg();
                int rowid = p.reg();
                p.v.addOp(Opcode.MAKE_RECORD, first, cnt, rec);
                p.v.addOp(Opcode.NEW_ROWID, cursor, rowid);
                p.v.addOp(Opcode.INSERT, cursor, rec, rowid);
            });
            p.v.changeP2(open, info.names.length);
            String name = sq.alias() != null ? sq.alias().text() : "(subquery-" + scope.sources.size() + ")";
            scope.add(new Source(name, info.names, info.affinities, info.collations, info.decltypes, cursor));
            return;
        }
        if (item instanceof TableOrSubquery.Nested) {
            throw SqliteException.error("parenthesized joins are not supported");
        }
        throw SqliteException.error("table-valued functions are not supported");
    }

    /** The table {@code name} names, or SQLite's {@code no such table} error. */
    static Table lookupTable(Parse p, QualifiedName name) throws SqliteException {
        if (name.schema() != null && !Names.equal(name.schema().text(), "main")) {
            if (Names.equal(name.schema().text(), "temp")) {
                throw SqliteException.error("no such table: " + name);
            }
            throw SqliteException.error("unknown database " + name.schema().text());
        }
        Table t = p.schema.findTable(name.name().text());
        if (t == null) {
            throw SqliteException.error("no such table: " + name);
        }
        return t;
    }
}
