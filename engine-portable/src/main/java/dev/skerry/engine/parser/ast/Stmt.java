package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * A statement. Each kind is a nested record except {@link Select}, which is also used inside other nodes.
 * The span of a statement covers its text from its first token to its last, without the terminating
 * semicolon (the text SQLite keeps in {@code sqlite_schema.sql} for CREATE statements).
 */
public interface Stmt extends Node {

    /** {@code EXPLAIN stmt} or {@code EXPLAIN QUERY PLAN stmt}. */
    record Explain(boolean queryPlan, Stmt stmt, int start, int end) implements Stmt {
    }

    /**
     * INSERT or REPLACE. {@code REPLACE INTO} is {@code orConflict == REPLACE}.
     *
     * @param with        null when absent
     * @param orConflict  null when no {@code OR ...} was written
     * @param alias       {@code AS alias} after the table name, or null
     * @param columns     empty when no column list was written
     * @param select      the rows: a {@link Select} (VALUES rows are a {@link SelectCore.Values}); null for
     *                    DEFAULT VALUES
     * @param upserts     the ON CONFLICT clauses in order, empty when none
     * @param returning   empty when there is no RETURNING clause
     */
    record Insert(With with, ConflictAlgorithm orConflict, QualifiedName table, Name alias, List<Name> columns,
                  Select select, List<Upsert> upserts, List<ResultColumn> returning, int start, int end)
            implements Stmt {
        public boolean defaultValues() {
            return select == null;
        }
    }

    /**
     * UPDATE.
     *
     * @param from     the UPDATE ... FROM clause, or null
     * @param orderBy  always empty and {@code limit} always null: ORDER BY and LIMIT on UPDATE/DELETE need
     *                 SQLITE_ENABLE_UPDATE_DELETE_LIMIT, which the reference build (sqlite-jdbc) lacks, so the
     *                 parser rejects them as SQLite does; the fields are kept for such a build
     */
    record Update(With with, ConflictAlgorithm orConflict, QualifiedName table, Name alias, Name indexedBy,
                  boolean notIndexed, List<SetClause> sets, FromClause from, Expr where,
                  List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit, int start, int end)
            implements Stmt {
    }

    /** DELETE FROM; see {@link Update} for ORDER BY/LIMIT. */
    record Delete(With with, QualifiedName table, Name alias, Name indexedBy, boolean notIndexed, Expr where,
                  List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit, int start, int end)
            implements Stmt {
    }

    /**
     * CREATE [TEMP] TABLE. Either {@code columns} (with {@code constraints}) or {@code asSelect} is given.
     *
     * @param asSelect the query of {@code CREATE TABLE ... AS select}, or null
     */
    record CreateTable(boolean temp, boolean ifNotExists, QualifiedName name, List<ColumnDef> columns,
                       List<TableConstraint> constraints, boolean withoutRowid, boolean strict, Select asSelect,
                       int start, int end) implements Stmt {
    }

    /** CREATE [UNIQUE] INDEX; {@code where} is the partial-index condition or null. */
    record CreateIndex(boolean unique, boolean ifNotExists, QualifiedName name, Name table,
                       List<IndexedColumn> columns, Expr where, int start, int end) implements Stmt {
    }

    /** CREATE [TEMP] VIEW; {@code columns} empty when not written. */
    record CreateView(boolean temp, boolean ifNotExists, QualifiedName name, List<Name> columns, Select select,
                      int start, int end) implements Stmt {
    }

    /** When a trigger fires; DEFAULT (nothing written) behaves as BEFORE. */
    enum TriggerTime {
        DEFAULT, BEFORE, AFTER, INSTEAD_OF
    }

    /** The event a trigger fires on. */
    enum TriggerEvent {
        DELETE, INSERT, UPDATE
    }

    /**
     * CREATE [TEMP] TRIGGER.
     *
     * @param updateColumns the columns of {@code UPDATE OF c1, c2}; empty otherwise
     * @param when          the WHEN condition, or null
     * @param body          the statements between BEGIN and END (INSERT, UPDATE, DELETE or SELECT)
     */
    record CreateTrigger(boolean temp, boolean ifNotExists, QualifiedName name, TriggerTime time,
                         TriggerEvent event, List<Name> updateColumns, QualifiedName table, boolean forEachRow,
                         Expr when, List<Stmt> body, int start, int end) implements Stmt {
    }

    /**
     * CREATE VIRTUAL TABLE name USING module [(args)]. Each argument is kept as its source text, trimmed,
     * as SQLite passes module arguments.
     */
    record CreateVirtualTable(boolean ifNotExists, QualifiedName name, Name module, List<String> args, int start,
                              int end) implements Stmt {
    }

    /** The kinds of object DROP removes. */
    enum ObjectKind {
        TABLE, INDEX, VIEW, TRIGGER
    }

    /** DROP TABLE|INDEX|VIEW|TRIGGER [IF EXISTS] name. */
    record Drop(ObjectKind kind, boolean ifExists, QualifiedName name, int start, int end) implements Stmt {
    }

    /** ALTER TABLE table RENAME TO newName. */
    record AlterRenameTable(QualifiedName table, Name newName, int start, int end) implements Stmt {
    }

    /** ALTER TABLE table RENAME [COLUMN] oldName TO newName. */
    record AlterRenameColumn(QualifiedName table, Name oldName, Name newName, int start, int end) implements Stmt {
    }

    /** ALTER TABLE table ADD [COLUMN] column. */
    record AlterAddColumn(QualifiedName table, ColumnDef column, int start, int end) implements Stmt {
    }

    /** ALTER TABLE table DROP [COLUMN] column. */
    record AlterDropColumn(QualifiedName table, Name column, int start, int end) implements Stmt {
    }

    /** The transaction types of BEGIN. */
    enum TransactionType {
        DEFERRED, IMMEDIATE, EXCLUSIVE
    }

    /** BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION [name]]; {@code type} DEFERRED when none written. */
    record Begin(TransactionType type, int start, int end) implements Stmt {
    }

    /** COMMIT or END [TRANSACTION]. */
    record Commit(int start, int end) implements Stmt {
    }

    /** ROLLBACK [TRANSACTION] [TO [SAVEPOINT] savepoint]; {@code savepoint} null for a full rollback. */
    record Rollback(Name savepoint, int start, int end) implements Stmt {
    }

    /** SAVEPOINT name. */
    record Savepoint(Name name, int start, int end) implements Stmt {
    }

    /** RELEASE [SAVEPOINT] name. */
    record Release(Name name, int start, int end) implements Stmt {
    }

    /**
     * PRAGMA [schema.]name [= value | (value)].
     *
     * @param value the value as SQLite hands it to the pragma: a name or keyword (ON, DELETE, DEFAULT...) as
     *              written and dequoted, a string dequoted, or a number with its sign ({@code -1}); null when
     *              there is no value
     */
    record Pragma(QualifiedName name, String value, int start, int end) implements Stmt {
    }

    /** ATTACH [DATABASE] file AS schema [KEY key]; {@code key} null when absent. */
    record Attach(Expr file, Expr schema, Expr key, int start, int end) implements Stmt {
    }

    /** DETACH [DATABASE] schema. */
    record Detach(Expr schema, int start, int end) implements Stmt {
    }

    /** VACUUM [schema] [INTO file]; both may be null. */
    record Vacuum(Name schema, Expr into, int start, int end) implements Stmt {
    }

    /** ANALYZE [[schema.]name]; {@code target} null when absent. */
    record Analyze(QualifiedName target, int start, int end) implements Stmt {
    }

    /** REINDEX [[schema.]name]; {@code target} null when absent. */
    record Reindex(QualifiedName target, int start, int end) implements Stmt {
    }
}
