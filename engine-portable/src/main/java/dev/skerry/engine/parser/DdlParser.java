package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.ConflictAlgorithm;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ForeignKeyClause;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
import dev.skerry.engine.parser.ast.TypeName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.skerry.engine.parser.TokenType.*;

/**
 * CREATE TABLE/INDEX/VIEW/TRIGGER/VIRTUAL TABLE, DROP and ALTER TABLE, with the parse-time errors of
 * SQLite's grammar actions (unknown table options, malformed generated columns, qualified names in
 * trigger bodies).
 */
abstract class DdlParser extends DmlParser {

    DdlParser(String sql, int offset) {
        super(sql, offset);
    }

    private boolean ifNotExists() throws SqliteException {
        if (peek() == IF) {
            advance();
            expect(NOT);
            expect(EXISTS);
            return true;
        }
        return false;
    }

    final boolean ifExists() throws SqliteException {
        if (peek() == IF) {
            advance();
            expect(EXISTS);
            return true;
        }
        return false;
    }

    /** After CREATE: the rest of any CREATE statement. */
    final Stmt create(int st) throws SqliteException {
        boolean temp = accept(TEMP) || accept(TEMPORARY);
        switch (peek()) {
            case TABLE:
                advance();
                return createTable(temp, st);
            case VIEW:
                advance();
                return createView(temp, st);
            case TRIGGER:
                advance();
                return createTrigger(temp, st);
            default:
                break;
        }
        if (!temp) {
            if (peek() == VIRTUAL) {
                advance();
                expect(TABLE);
                return createVirtualTable(st);
            }
            boolean unique = accept(UNIQUE);
            if (peek() == INDEX) {
                advance();
                return createIndex(unique, st);
            }
        }
        throw syntaxError();
    }

    private Stmt createTable(boolean temp, int st) throws SqliteException {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        if (accept(AS)) {
            Select s = select();
            return new Stmt.CreateTable(temp, ifNotExists, name, Collections.emptyList(), Collections.emptyList(),
                false, false, s, st, lastEnd());
        }
        expect(LP);
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        columns.add(columnDef());
        while (accept(COMMA)) {
            if (startsTableConstraint(peek())) {
                tableConstraints(constraints);
                break;
            }
            columns.add(columnDef());
        }
        expect(RP);
        boolean withoutRowid = false;
        boolean strict = false;
        if (peek() == WITHOUT || isNm(peek()) || peek() == COMMA) {
            boolean first = peek() != COMMA;
            while (first || accept(COMMA)) {
                first = false;
                if (accept(WITHOUT)) {
                    Name n = nm();
                    if (!n.is("rowid") || n.end() - n.start() != 5) {
                        deferError("unknown table option: " + sql.substring(n.start(), n.end()));
                    }
                    withoutRowid = true;
                } else {
                    Name n = nm();
                    if (!n.is("strict") || n.end() - n.start() != 6) {
                        deferError("unknown table option: " + sql.substring(n.start(), n.end()));
                    }
                    strict = true;
                }
            }
        }
        return new Stmt.CreateTable(temp, ifNotExists, name, columns, constraints, withoutRowid, strict, null, st,
            lastEnd());
    }

    private static boolean startsTableConstraint(int t) {
        return t == CONSTRAINT || t == PRIMARY || t == UNIQUE || t == CHECK || t == FOREIGN;
    }

    /** {@code columnname carglist}: a column definition (also used by ALTER TABLE ADD COLUMN). */
    final ColumnDef columnDef() throws SqliteException {
        Name name = nm();
        TypeName type = null;
        if (isIds(peek())) {
            type = typeToken();
        }
        List<ColumnConstraint> constraints = new ArrayList<>();
        Name cname = null;
        for (;;) {
            int t = peek();
            if (t == CONSTRAINT) {
                advance();
                cname = nm();
                continue;
            }
            ColumnConstraint c = columnConstraint(t, cname, name);
            if (c == null) {
                break;
            }
            constraints.add(c);
            cname = null;
        }
        return new ColumnDef(name, type, constraints);
    }

    private ConflictAlgorithm onConflict() throws SqliteException {
        if (accept(ON)) {
            expect(CONFLICT);
            return resolveType();
        }
        return null;
    }

    private ColumnConstraint columnConstraint(int t, Name cname, Name column) throws SqliteException {
        switch (t) {
            case DEFAULT:
                advance();
                return defaultValue(cname);
            case NULL:
                advance();
                return new ColumnConstraint.Null(cname, onConflict());
            case NOT:
                if (type(1) == NULL) {
                    advance();
                    advance();
                    return new ColumnConstraint.NotNull(cname, onConflict());
                }
                if (type(1) == DEFERRABLE) {
                    return deferClauseOnly(cname);
                }
                advance();
                throw syntaxError();
            case PRIMARY: {
                advance();
                expect(KEY);
                SortOrder order = SortOrder.DEFAULT;
                if (accept(ASC)) {
                    order = SortOrder.ASC;
                } else if (accept(DESC)) {
                    order = SortOrder.DESC;
                }
                ConflictAlgorithm oc = onConflict();
                boolean autoinc = accept(AUTOINCREMENT);
                return new ColumnConstraint.PrimaryKey(cname, order, oc, autoinc);
            }
            case UNIQUE:
                advance();
                return new ColumnConstraint.Unique(cname, onConflict());
            case CHECK: {
                advance();
                expect(LP);
                Expr e = expr();
                expect(RP);
                return new ColumnConstraint.Check(cname, e);
            }
            case REFERENCES:
                advance();
                return new ColumnConstraint.References(cname, foreignKeyClause(false));
            case DEFERRABLE:
                return deferClauseOnly(cname);
            case COLLATE:
                advance();
                return new ColumnConstraint.Collate(cname, ids());
            case GENERATED:
                advance();
                expect(ALWAYS);
                expect(AS);
                return generated(cname, column);
            case AS:
                advance();
                return generated(cname, column);
            default:
                return null;
        }
    }

    /** A DEFERRABLE clause standing alone as a column constraint. */
    private ColumnConstraint deferClauseOnly(Name cname) throws SqliteException {
        return new ColumnConstraint.Deferrable(cname, deferSubclause());
    }

    private ColumnConstraint generated(Name cname, Name column) throws SqliteException {
        expect(LP);
        Expr e = expr();
        expect(RP);
        boolean stored = false;
        if (TokenType.isFallbackId(peek())) {
            Name kind = takeName();
            String raw = sql.substring(kind.start(), kind.end());
            if (raw.equalsIgnoreCase("stored")) {
                stored = true;
            } else if (!raw.equalsIgnoreCase("virtual")) {
                deferError("error in generated column \"" + column.text() + "\"");
            }
        }
        return new ColumnConstraint.Generated(cname, e, stored);
    }

    private ColumnConstraint defaultValue(Name cname) throws SqliteException {
        int st = pos();
        int t = peek();
        Expr value;
        if (t == LP) {
            advance();
            int inner = pos();
            value = expr();
            int close = pos();
            expect(RP);
            return new ColumnConstraint.Default(cname, value, sql.substring(inner, close));
        } else if (t == PLUS || t == MINUS) {
            advance();
            Expr term = defaultTerm();
            value = t == PLUS ? term : new Expr.Unary(Expr.UnaryOp.NEGATE, term, st, lastEnd());
        } else if ((t == INDEXED || TokenType.isFallbackId(t)) && !isTimeKeyword(t)) {
            Name n = takeName();
            if (n.quote() == Name.Quote.NONE && (n.is("true") || n.is("false"))) {
                value = new Expr.ColumnRef(null, null, n, n.start(), n.end());
            } else {
                value = new Expr.Literal(Expr.LiteralKind.STRING, n.text(), n.start(), n.end());
            }
        } else {
            value = defaultTerm();
        }
        return new ColumnConstraint.Default(cname, value, sql.substring(st, lastEnd()));
    }

    /**
     * CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP: fallback identifiers elsewhere, but the grammar's
     * {@code term ::= CTIME_KW} takes them after DEFAULT (the time of the insert, not a string).
     */
    private static boolean isTimeKeyword(int t) {
        return t == CURRENT_TIME || t == CURRENT_DATE || t == CURRENT_TIMESTAMP;
    }

    /** {@code term}: a literal, as DEFAULT accepts without parentheses. */
    private Expr defaultTerm() throws SqliteException {
        int st = pos();
        int t = peek();
        String tx = text(0);
        switch (t) {
            case NULL:
                advance();
                return new Expr.Literal(Expr.LiteralKind.NULL, "NULL", st, lastEnd());
            case FLOAT:
                advance();
                return new Expr.Literal(Expr.LiteralKind.FLOAT, tx, st, lastEnd());
            case INTEGER:
                advance();
                return new Expr.Literal(Expr.LiteralKind.INTEGER, tx, st, lastEnd());
            case BLOB:
                advance();
                return new Expr.Literal(Expr.LiteralKind.BLOB, tx.substring(2, tx.length() - 1), st, lastEnd());
            case STRING:
                advance();
                return new Expr.Literal(Expr.LiteralKind.STRING, unquote(st, lastEnd(), '\''), st, lastEnd());
            case CURRENT_TIME:
                advance();
                return new Expr.Literal(Expr.LiteralKind.CURRENT_TIME, "CURRENT_TIME", st, lastEnd());
            case CURRENT_DATE:
                advance();
                return new Expr.Literal(Expr.LiteralKind.CURRENT_DATE, "CURRENT_DATE", st, lastEnd());
            case CURRENT_TIMESTAMP:
                advance();
                return new Expr.Literal(Expr.LiteralKind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP", st, lastEnd());
            case QNUMBER:
                return qnumber();
            default:
                throw syntaxError();
        }
    }

    /**
     * {@code REFERENCES} already consumed: {@code nm [eidlist] refargs [defer_subclause]}. In a table
     * constraint a NOT here can only begin NOT DEFERRABLE; in a column it may begin the next constraint.
     */
    private ForeignKeyClause foreignKeyClause(boolean tableLevel) throws SqliteException {
        Name table = nm();
        List<Name> columns = peek() == LP ? eidList() : Collections.emptyList();
        ForeignKeyClause.Action onDelete = ForeignKeyClause.Action.NO_ACTION;
        ForeignKeyClause.Action onUpdate = ForeignKeyClause.Action.NO_ACTION;
        Name match = null;
        for (;;) {
            if (peek() == MATCH) {
                advance();
                match = nm();
            } else if (accept(ON)) {
                int which = peek();
                if (which != DELETE && which != UPDATE && which != INSERT) {
                    throw syntaxError();
                }
                advance();
                ForeignKeyClause.Action a = refAction();
                if (which == DELETE) {
                    onDelete = a;
                } else if (which == UPDATE) {
                    onUpdate = a;
                }
            } else {
                break;
            }
        }
        boolean deferred = false;
        if (peek() == DEFERRABLE || (peek() == NOT && (tableLevel || type(1) == DEFERRABLE))) {
            deferred = deferSubclause();
        }
        return new ForeignKeyClause(table, columns, onDelete, onUpdate, match, deferred);
    }

    private ForeignKeyClause.Action refAction() throws SqliteException {
        switch (peek()) {
            case SET:
                advance();
                if (accept(NULL)) {
                    return ForeignKeyClause.Action.SET_NULL;
                }
                expect(DEFAULT);
                return ForeignKeyClause.Action.SET_DEFAULT;
            case CASCADE:
                advance();
                return ForeignKeyClause.Action.CASCADE;
            case RESTRICT:
                advance();
                return ForeignKeyClause.Action.RESTRICT;
            case NO:
                advance();
                expect(ACTION);
                return ForeignKeyClause.Action.NO_ACTION;
            default:
                throw syntaxError();
        }
    }

    /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}; true for DEFERRABLE INITIALLY DEFERRED. */
    private boolean deferSubclause() throws SqliteException {
        boolean not = accept(NOT);
        expect(DEFERRABLE);
        boolean deferred = false;
        if (accept(INITIALLY)) {
            if (accept(DEFERRED)) {
                deferred = true;
            } else {
                expect(IMMEDIATE);
            }
        }
        return deferred && !not;
    }

    private List<IndexedColumn> indexedColumns() throws SqliteException {
        expect(LP);
        List<IndexedColumn> cols = new ArrayList<>();
        for (OrderingTerm t : sortList()) {
            cols.add(new IndexedColumn(t.expr(), t.order(), t.nulls()));
        }
        return cols;
    }

    private void tableConstraints(List<TableConstraint> out) throws SqliteException {
        Name cname = null;
        for (;;) {
            int t = peek();
            switch (t) {
                case CONSTRAINT:
                    advance();
                    cname = nm();
                    if (startsTableConstraint(peek())) {
                        continue;
                    }
                    break;
                case PRIMARY: {
                    advance();
                    expect(KEY);
                    List<IndexedColumn> cols = indexedColumns();
                    boolean autoinc = accept(AUTOINCREMENT);
                    expect(RP);
                    out.add(new TableConstraint.PrimaryKey(cname, cols, autoinc, onConflict()));
                    break;
                }
                case UNIQUE: {
                    advance();
                    List<IndexedColumn> cols = indexedColumns();
                    expect(RP);
                    out.add(new TableConstraint.Unique(cname, cols, onConflict()));
                    break;
                }
                case CHECK: {
                    advance();
                    expect(LP);
                    Expr e = expr();
                    expect(RP);
                    onConflict();
                    out.add(new TableConstraint.Check(cname, e));
                    break;
                }
                case FOREIGN: {
                    advance();
                    expect(KEY);
                    List<Name> cols = eidList();
                    expect(REFERENCES);
                    out.add(new TableConstraint.ForeignKey(cname, cols, foreignKeyClause(true)));
                    break;
                }
                default:
                    throw syntaxError();
            }
            if (accept(COMMA)) {
                cname = null;
                continue;
            }
            if (!startsTableConstraint(peek())) {
                return;
            }
            cname = null;
        }
    }

    private Stmt createIndex(boolean unique, int st) throws SqliteException {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        expect(ON);
        Name table = nm();
        List<IndexedColumn> cols = indexedColumns();
        expect(RP);
        Expr where = accept(WHERE) ? expr() : null;
        return new Stmt.CreateIndex(unique, ifNotExists, name, table, cols, where, st, lastEnd());
    }

    private Stmt createView(boolean temp, int st) throws SqliteException {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        List<Name> columns = peek() == LP ? eidList() : Collections.emptyList();
        expect(AS);
        Select s = select();
        if (nVar > 0) {
            // sqlite3CreateView's first check, when the statement's rule reduces.
            deferError("parameters are not allowed in views");
        }
        return new Stmt.CreateView(temp, ifNotExists, name, columns, s, st, lastEnd());
    }

    private Stmt createTrigger(boolean temp, int st) throws SqliteException {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        Stmt.TriggerTime time = Stmt.TriggerTime.DEFAULT;
        if (accept(BEFORE)) {
            time = Stmt.TriggerTime.BEFORE;
        } else if (accept(AFTER)) {
            time = Stmt.TriggerTime.AFTER;
        } else if (peek() == INSTEAD) {
            advance();
            expect(OF);
            time = Stmt.TriggerTime.INSTEAD_OF;
        }
        Stmt.TriggerEvent event;
        List<Name> updateColumns = Collections.emptyList();
        switch (peek()) {
            case DELETE:
                advance();
                event = Stmt.TriggerEvent.DELETE;
                break;
            case INSERT:
                advance();
                event = Stmt.TriggerEvent.INSERT;
                break;
            case UPDATE:
                advance();
                event = Stmt.TriggerEvent.UPDATE;
                if (accept(OF)) {
                    updateColumns = new ArrayList<>();
                    do {
                        updateColumns.add(nm());
                    } while (accept(COMMA));
                }
                break;
            default:
                throw syntaxError();
        }
        expect(ON);
        QualifiedName table = qualifiedName();
        boolean forEachRow = false;
        if (accept(FOR)) {
            expect(EACH);
            expect(ROW);
            forEachRow = true;
        }
        Expr when = accept(WHEN) ? expr() : null;
        expect(BEGIN);
        List<Stmt> body = new ArrayList<>();
        do {
            body.add(triggerCommand());
            expect(SEMI);
        } while (peek() != END);
        advance();
        return new Stmt.CreateTrigger(temp, ifNotExists, name, time, event, updateColumns, table,
            forEachRow, when, body, st, lastEnd());
    }

    private Stmt triggerCommand() throws SqliteException {
        int st = pos();
        switch (peek()) {
            case UPDATE:
                return update(null, st, true);
            case DELETE:
                return delete(null, st, true);
            case INSERT: case REPLACE:
                return insert(null, st, true);
            default:
                return select();
        }
    }

    private Stmt createVirtualTable(int st) throws SqliteException {
        boolean ifNotExists = ifNotExists();
        QualifiedName name = qualifiedName();
        expect(USING);
        Name module = nm();
        List<String> args = new ArrayList<>();
        if (accept(LP)) {
            int depth = 0;
            int argStart = pos();
            boolean any = false;
            for (;;) {
                int t = peek();
                if (t == EOF) {
                    throw syntaxError();
                }
                if (t == LP) {
                    depth++;
                } else if (t == RP) {
                    if (depth == 0) {
                        if (any) {
                            args.add(sql.substring(argStart, lastEnd()));
                        }
                        advance();
                        break;
                    }
                    depth--;
                } else if (t == COMMA && depth == 0) {
                    args.add(any ? sql.substring(argStart, lastEnd()) : "");
                    advance();
                    argStart = pos();
                    any = false;
                    continue;
                }
                advance();
                any = true;
            }
        }
        return new Stmt.CreateVirtualTable(ifNotExists, name, module, args, st, lastEnd());
    }

    /** After DROP. */
    final Stmt drop(int st) throws SqliteException {
        Stmt.ObjectKind kind;
        switch (peek()) {
            case TABLE:
                kind = Stmt.ObjectKind.TABLE;
                break;
            case INDEX:
                kind = Stmt.ObjectKind.INDEX;
                break;
            case VIEW:
                kind = Stmt.ObjectKind.VIEW;
                break;
            case TRIGGER:
                kind = Stmt.ObjectKind.TRIGGER;
                break;
            default:
                throw syntaxError();
        }
        advance();
        boolean ifExists = ifExists();
        return new Stmt.Drop(kind, ifExists, qualifiedName(), st, lastEnd());
    }

    /** After ALTER. */
    final Stmt alter(int st) throws SqliteException {
        expect(TABLE);
        QualifiedName table = qualifiedName();
        switch (peek()) {
            case RENAME: {
                advance();
                if (accept(TO)) {
                    return new Stmt.AlterRenameTable(table, nm(), st, lastEnd());
                }
                accept(COLUMN);
                Name old = nm();
                expect(TO);
                return new Stmt.AlterRenameColumn(table, old, nm(), st, lastEnd());
            }
            case ADD:
                advance();
                accept(COLUMN);
                return new Stmt.AlterAddColumn(table, columnDef(), st, lastEnd());
            case DROP:
                advance();
                accept(COLUMN);
                return new Stmt.AlterDropColumn(table, nm(), st, lastEnd());
            default:
                throw syntaxError();
        }
    }
}
