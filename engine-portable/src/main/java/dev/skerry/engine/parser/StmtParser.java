package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.With;

import static dev.skerry.engine.parser.TokenType.*;

/**
 * One statement ({@code cmd} of parse.y) from the current token: dispatch on the first keyword, EXPLAIN,
 * transactions, savepoints, PRAGMA, ATTACH/DETACH, VACUUM, ANALYZE and REINDEX.
 */
final class StmtParser extends DdlParser {

    StmtParser(String sql, int offset) {
        super(sql, offset);
    }

    /** Skips leading semicolons; true when a statement follows, false at the end of the text. */
    boolean skipEmptyStatements() throws SqliteException {
        while (peek() == SEMI) {
            advance();
        }
        return peek() != EOF;
    }

    /** The statement at the current token, which must then be followed by a semicolon or the end. */
    Stmt statement() throws SqliteException {
        int st = pos();
        Stmt s;
        if (peek() == EXPLAIN) {
            advance();
            boolean queryPlan = false;
            if (peek() == QUERY) {
                advance();
                expect(PLAN);
                queryPlan = true;
            }
            Stmt inner = command();
            s = new Stmt.Explain(queryPlan, inner, st, lastEnd());
        } else {
            s = command();
        }
        if (peek() != SEMI && peek() != EOF) {
            throw syntaxError();
        }
        reportDeferredError();
        return s;
    }

    /** Offset just after the statement's terminating semicolon (consumed), or the end of the text (or its NUL). */
    int finish() throws SqliteException {
        if (peek() == SEMI) {
            advance();
            return lastEnd();
        }
        return textEnd();
    }

    private Stmt command() throws SqliteException {
        int st = pos();
        switch (peek()) {
            case SELECT: case VALUES:
                return select();
            case WITH: {
                With with = with();
                switch (peek()) {
                    case INSERT: case REPLACE:
                        return insert(with, st, false);
                    case UPDATE:
                        return update(with, st, false);
                    case DELETE:
                        return delete(with, st, false);
                    default:
                        return select(with, st);
                }
            }
            case INSERT: case REPLACE:
                return insert(null, st, false);
            case UPDATE:
                return update(null, st, false);
            case DELETE:
                return delete(null, st, false);
            case CREATE:
                advance();
                return create(st);
            case DROP:
                advance();
                return drop(st);
            case ALTER:
                advance();
                return alter(st);
            case BEGIN:
                return begin(st);
            case COMMIT: case END:
                advance();
                transactionName();
                return new Stmt.Commit(st, lastEnd());
            case ROLLBACK:
                return rollback(st);
            case SAVEPOINT:
                advance();
                return new Stmt.Savepoint(nm(), st, lastEnd());
            case RELEASE:
                advance();
                accept(SAVEPOINT);
                return new Stmt.Release(nm(), st, lastEnd());
            case PRAGMA:
                return pragma(st);
            case ATTACH:
                return attach(st);
            case DETACH: {
                advance();
                accept(DATABASE);
                Expr schema = expr();
                return new Stmt.Detach(schema, st, lastEnd());
            }
            case VACUUM:
                return vacuum(st);
            case ANALYZE:
                advance();
                return new Stmt.Analyze(optionalTarget(), st, lastEnd());
            case REINDEX:
                advance();
                return new Stmt.Reindex(optionalTarget(), st, lastEnd());
            default:
                throw syntaxError();
        }
    }

    /** {@code trans_opt}: {@code [TRANSACTION [nm]]}. */
    private void transactionName() throws SqliteException {
        if (accept(TRANSACTION) && isNm(peek())) {
            advance();
        }
    }

    private Stmt begin(int st) throws SqliteException {
        advance();
        Stmt.TransactionType type = Stmt.TransactionType.DEFERRED;
        if (accept(DEFERRED)) {
            type = Stmt.TransactionType.DEFERRED;
        } else if (accept(IMMEDIATE)) {
            type = Stmt.TransactionType.IMMEDIATE;
        } else if (accept(EXCLUSIVE)) {
            type = Stmt.TransactionType.EXCLUSIVE;
        }
        transactionName();
        return new Stmt.Begin(type, st, lastEnd());
    }

    private Stmt rollback(int st) throws SqliteException {
        advance();
        transactionName();
        if (accept(TO)) {
            accept(SAVEPOINT);
            return new Stmt.Rollback(nm(), st, lastEnd());
        }
        return new Stmt.Rollback(null, st, lastEnd());
    }

    private Stmt pragma(int st) throws SqliteException {
        advance();
        QualifiedName name = qualifiedName();
        String value = null;
        if (accept(EQ)) {
            value = pragmaValue();
        } else if (accept(LP)) {
            value = pragmaValue();
            expect(RP);
        }
        return new Stmt.Pragma(name, value, st, lastEnd());
    }

    /** {@code nmnum | minus_num}: a name, ON, DELETE, DEFAULT, or a signed number. */
    private String pragmaValue() throws SqliteException {
        int t = peek();
        if (t == MINUS || t == PLUS) {
            advance();
            int n = peek();
            if (n != INTEGER && n != FLOAT) {
                throw syntaxError();
            }
            advance();
            return t == MINUS ? "-" + text(-1) : text(-1);
        }
        if (t == INTEGER || t == FLOAT) {
            advance();
            return text(-1);
        }
        if (t == ON || t == DELETE || t == DEFAULT) {
            advance();
            return text(-1);
        }
        return nm().text();
    }

    private Stmt attach(int st) throws SqliteException {
        advance();
        accept(DATABASE);
        Expr file = expr();
        expect(AS);
        Expr schema = expr();
        Expr key = accept(KEY) ? expr() : null;
        return new Stmt.Attach(file, schema, key, st, lastEnd());
    }

    private Stmt vacuum(int st) throws SqliteException {
        advance();
        Name schema = null;
        if (isNm(peek())) {
            schema = takeName();
        }
        Expr into = accept(INTO) ? expr() : null;
        return new Stmt.Vacuum(schema, into, st, lastEnd());
    }

    /** {@code [nm [DOT nm]]} of ANALYZE and REINDEX. */
    private QualifiedName optionalTarget() throws SqliteException {
        if (isNm(peek())) {
            return qualifiedName();
        }
        return null;
    }
}
