package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ConflictAlgorithm;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.parser.ast.With;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.skerry.engine.parser.TokenType.*;

/**
 * INSERT/REPLACE, UPDATE and DELETE, at top level and as trigger body commands (where SQLite's grammar
 * forbids WITH, qualified table names, aliases, INDEXED BY, RETURNING, ORDER BY and LIMIT, some with
 * dedicated messages).
 */
abstract class DmlParser extends SelectParser {

    DmlParser(String sql, int offset) {
        super(sql, offset);
    }

    /** {@code orconf}: {@code OR resolvetype}, or null. */
    final ConflictAlgorithm orConflict() throws SqliteException {
        if (!accept(OR)) {
            return null;
        }
        return resolveType();
    }

    /** {@code resolvetype}: ROLLBACK, ABORT, FAIL, IGNORE or REPLACE. */
    final ConflictAlgorithm resolveType() throws SqliteException {
        switch (peek()) {
            case ROLLBACK:
                advance();
                return ConflictAlgorithm.ROLLBACK;
            case ABORT:
                advance();
                return ConflictAlgorithm.ABORT;
            case FAIL:
                advance();
                return ConflictAlgorithm.FAIL;
            case IGNORE:
                advance();
                return ConflictAlgorithm.IGNORE;
            case REPLACE:
                advance();
                return ConflictAlgorithm.REPLACE;
            default:
                throw syntaxError();
        }
    }

    /** The table of a trigger command: {@code trnm}, where a schema is rejected. */
    private QualifiedName triggerTarget() throws SqliteException {
        Name a = nm();
        if (accept(DOT)) {
            nm();
            deferError("qualified table names are not allowed on INSERT, UPDATE, and DELETE "
                + "statements within triggers");
        }
        return new QualifiedName(null, a);
    }

    /** {@code tridxby}: parsed and rejected inside triggers. */
    private void triggerIndexedBy() throws SqliteException {
        if (accept(INDEXED)) {
            expect(BY);
            nm();
            deferError("the INDEXED BY clause is not allowed on UPDATE or DELETE statements "
                + "within triggers");
        }
        if (accept(NOT)) {
            expect(INDEXED);
            deferError("the NOT INDEXED clause is not allowed on UPDATE or DELETE statements "
                + "within triggers");
        }
    }

    /** INSERT or REPLACE after an optional WITH; {@code inTrigger} selects the trigger-command grammar. */
    final Stmt insert(With with, int st, boolean inTrigger) throws SqliteException {
        ConflictAlgorithm or;
        if (accept(REPLACE)) {
            or = ConflictAlgorithm.REPLACE;
        } else {
            expect(INSERT);
            or = orConflict();
        }
        expect(INTO);
        QualifiedName table;
        Name alias = null;
        if (inTrigger) {
            table = triggerTarget();
        } else {
            table = qualifiedName();
            if (accept(AS)) {
                alias = nm();
            }
        }
        List<Name> columns = peek() == LP ? idList() : Collections.emptyList();
        Select select = null;
        List<Upsert> upserts = new ArrayList<>();
        List<ResultColumn> returning = Collections.emptyList();
        if (!inTrigger && peek() == DEFAULT) {
            advance();
            expect(VALUES);
            returning = returning(inTrigger);
        } else {
            select = select();
            returning = upserts(upserts, inTrigger);
        }
        return new Stmt.Insert(with, or, table, alias, columns, select, upserts, returning, st, lastEnd());
    }

    /** {@code upsert}: ON CONFLICT clauses then RETURNING; returns the RETURNING columns. */
    private List<ResultColumn> upserts(List<Upsert> out, boolean inTrigger) throws SqliteException {
        while (peek() == ON) {
            advance();
            expect(CONFLICT);
            List<IndexedColumn> target = Collections.emptyList();
            Expr targetWhere = null;
            if (accept(LP)) {
                target = new ArrayList<>();
                for (OrderingTerm t : sortList()) {
                    target.add(new IndexedColumn(t.expr(), t.order(), t.nulls()));
                }
                expect(RP);
                if (accept(WHERE)) {
                    targetWhere = expr();
                }
            }
            expect(DO);
            boolean last = target.isEmpty();
            if (accept(NOTHING)) {
                out.add(new Upsert(target, targetWhere, true, Collections.emptyList(), null));
            } else {
                expect(UPDATE);
                expect(SET);
                List<SetClause> sets = setList();
                Expr where = accept(WHERE) ? expr() : null;
                out.add(new Upsert(target, targetWhere, false, sets, where));
            }
            if (last) {
                break;
            }
        }
        return returning(inTrigger);
    }

    /** {@code returning}: SQLite parses RETURNING in trigger INSERTs too, then rejects it. */
    private List<ResultColumn> returning(boolean inTrigger) throws SqliteException {
        if (!accept(RETURNING)) {
            return Collections.emptyList();
        }
        List<ResultColumn> columns = resultColumns();
        if (inTrigger) {
            deferError("cannot use RETURNING in a trigger");
        }
        return columns;
    }

    /** {@code setlist}. */
    private List<SetClause> setList() throws SqliteException {
        List<SetClause> sets = new ArrayList<>();
        do {
            List<Name> columns;
            boolean tuple = peek() == LP;
            if (tuple) {
                columns = idList();
            } else {
                columns = Collections.singletonList(nm());
            }
            expect(EQ);
            Expr value = expr();
            if (tuple && !(value instanceof Expr.Subquery)) {
                int n = value instanceof Expr.RowValue ? ((Expr.RowValue) value).values().size() : 1;
                if (n != columns.size()) {
                    deferError(columns.size() + " columns assigned " + n + " values");
                }
            }
            sets.add(new SetClause(columns, value));
        } while (accept(COMMA));
        return sets;
    }

    /** The table an UPDATE or DELETE changes: SQLite's qualified-table-name (name, alias, INDEXED BY / NOT INDEXED). */
    private record TargetTable(QualifiedName table, Name alias, Name indexedBy, boolean notIndexed) {
    }

    /** Parses the qualified-table-name of UPDATE and DELETE; inside a trigger only a bare name is allowed. */
    private TargetTable targetTable(boolean inTrigger) throws SqliteException {
        if (inTrigger) {
            QualifiedName table = triggerTarget();
            triggerIndexedBy();
            return new TargetTable(table, null, null, false);
        }
        QualifiedName table = qualifiedName();
        Name alias = accept(AS) ? nm() : null;
        Name indexedBy = null;
        boolean notIndexed = false;
        if (accept(INDEXED)) {
            expect(BY);
            indexedBy = nm();
        } else if (accept(NOT)) {
            expect(INDEXED);
            notIndexed = true;
        }
        return new TargetTable(table, alias, indexedBy, notIndexed);
    }

    /** UPDATE after an optional WITH. */
    final Stmt update(With with, int st, boolean inTrigger) throws SqliteException {
        expect(UPDATE);
        ConflictAlgorithm or = orConflict();
        TargetTable target = targetTable(inTrigger);
        expect(SET);
        List<SetClause> sets = setList();
        FromClause from = accept(FROM) ? fromClause() : null;
        Expr where = accept(WHERE) ? expr() : null;
        List<ResultColumn> returning = Collections.emptyList();
        if (!inTrigger && accept(RETURNING)) {
            returning = resultColumns();
        }
        return new Stmt.Update(with, or, target.table, target.alias, target.indexedBy, target.notIndexed, sets, from, where, returning,
            Collections.emptyList(), null, st, lastEnd());
    }

    /** DELETE after an optional WITH. */
    final Stmt delete(With with, int st, boolean inTrigger) throws SqliteException {
        expect(DELETE);
        expect(FROM);
        TargetTable target = targetTable(inTrigger);
        Expr where = accept(WHERE) ? expr() : null;
        List<ResultColumn> returning = Collections.emptyList();
        if (!inTrigger && accept(RETURNING)) {
            returning = resultColumns();
        }
        return new Stmt.Delete(with, target.table, target.alias, target.indexedBy, target.notIndexed, where, returning, Collections.emptyList(),
            null, st, lastEnd());
    }
}
