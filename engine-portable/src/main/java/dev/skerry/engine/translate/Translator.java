package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionRegistry;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.Program;

/**
 * The translator's entry point: one parsed statement to one {@link Program}.
 *
 * <p>Called by {@code Connection.prepare} with the statement, the SQL text its spans point into, and the
 * connection's schema. The program records its result column names and declared types, its parameters, its
 * SQL text and whether it is an EXPLAIN; it opens a read transaction when it reads the database and a write
 * transaction when it writes (its {@code Transaction} carries the schema cookie the statement was compiled
 * against, so a stale program fails with SQLITE_SCHEMA). Statements outside the supported set fail with an
 * SQLITE_ERROR naming what is missing.
 */
public final class Translator {
    private Translator() {
    }

    /** Compiles {@code stmt}, parsed from {@code sql}, against {@code schema}, with SQLite's built-in functions. */
    public static Program compile(Stmt stmt, String sql, Schema schema) throws SqliteException {
        return compile(stmt, sql, schema, Builtins.REGISTRY);
    }

    /** Compiles {@code stmt}, parsed from {@code sql}, against {@code schema}, calling the functions of {@code functions}. */
    public static Program compile(Stmt stmt, String sql, Schema schema, FunctionRegistry functions)
            throws SqliteException {
        return compile(stmt, sql, schema, functions, ConnectionPragmas.detached());
    }

    /**
     * Compiles {@code stmt} for a connection whose PRAGMA settings are {@code pragmas} (PRAGMA statements read
     * and change them while they are compiled, as SQLite's do).
     */
    public static Program compile(Stmt stmt, String sql, Schema schema, FunctionRegistry functions,
            ConnectionPragmas pragmas) throws SqliteException {
        Parse p = new Parse(schema, sql, new RegistryFunctions(functions, pragmas != null && pragmas.caseSensitiveLike));
        p.ignoreChecks = pragmas != null && pragmas.ignoreCheckConstraints;
        p.pragmas = pragmas;
        p.deferForeignKeys = pragmas != null && pragmas.deferForeignKeys();
        int mode = Program.EXPLAIN_NONE;
        Stmt body = stmt;
        if (stmt instanceof Stmt.Explain) {
            Stmt.Explain e = (Stmt.Explain) stmt;
            mode = e.queryPlan() ? Program.EXPLAIN_QUERY_PLAN : Program.EXPLAIN;
            p.explainQueryPlan = e.queryPlan();
            body = e.stmt();
        }
        p.begin();
        SelectCoder selects = new SelectCoder(p);
        if (body instanceof Select) {
            selects.statement((Select) body);
        } else if (body instanceof Stmt.Insert) {
            new InsertCoder(p, selects).compile((Stmt.Insert) body);
        } else if (body instanceof Stmt.Update) {
            new UpdateCoder(p, selects).compile((Stmt.Update) body);
        } else if (body instanceof Stmt.Delete) {
            new DeleteCoder(p, selects).compile((Stmt.Delete) body);
        } else if (body instanceof Stmt.CreateTable) {
            new SchemaCoder(p).createTable((Stmt.CreateTable) body);
        } else if (body instanceof Stmt.CreateView) {
            new SchemaCoder(p).createView((Stmt.CreateView) body);
        } else if (body instanceof Stmt.CreateIndex) {
            new SchemaCoder(p).createIndex((Stmt.CreateIndex) body);
        } else if (body instanceof Stmt.CreateTrigger) {
            new SchemaCoder(p).createTrigger((Stmt.CreateTrigger) body);
        } else if (body instanceof Stmt.Analyze) {
            new AnalyzeCoder(p, pragmas).compile((Stmt.Analyze) body);
        } else if (body instanceof Stmt.Reindex) {
            new SchemaCoder(p).reindex((Stmt.Reindex) body);
        } else if (body instanceof Stmt.Drop) {
            new SchemaCoder(p).drop((Stmt.Drop) body);
        } else if (body instanceof Stmt.AlterRenameTable) {
            new AlterCoder(p, pragmas.legacyAlterTable()).renameTable((Stmt.AlterRenameTable) body);
        } else if (body instanceof Stmt.AlterRenameColumn) {
            new AlterCoder(p, pragmas.legacyAlterTable()).renameColumn((Stmt.AlterRenameColumn) body);
        } else if (body instanceof Stmt.AlterAddColumn) {
            new AlterCoder(p).addColumn((Stmt.AlterAddColumn) body);
        } else if (body instanceof Stmt.AlterDropColumn) {
            new AlterCoder(p, pragmas.legacyAlterTable()).dropColumn((Stmt.AlterDropColumn) body);
        } else if (body instanceof Stmt.Pragma) {
            new PragmaCoder(p, pragmas).compile((Stmt.Pragma) body);
        } else if (body instanceof Stmt.Vacuum) {
            new VacuumCoder(p, pragmas, selects).compile((Stmt.Vacuum) body);
        } else if (body instanceof Stmt.Attach) {
            new AttachCoder(p).attach((Stmt.Attach) body);
        } else if (body instanceof Stmt.Detach) {
            new AttachCoder(p).detach((Stmt.Detach) body);
        } else if (body instanceof Stmt.Begin) {
            p.v.addOp(Opcode.AUTO_COMMIT, 0, 0);
        } else if (body instanceof Stmt.Commit) {
            p.v.addOp(Opcode.AUTO_COMMIT, 1, 0);
        } else if (body instanceof Stmt.Rollback && ((Stmt.Rollback) body).savepoint() == null) {
            p.v.addOp(Opcode.AUTO_COMMIT, 1, 1);
        } else if (body instanceof Stmt.Rollback) {
            p.v.addOp(Opcode.SAVEPOINT, Opcode.SAVEPOINT_ROLLBACK, 0, 0, ((Stmt.Rollback) body).savepoint().text());
        } else if (body instanceof Stmt.Savepoint) {
            p.v.addOp(Opcode.SAVEPOINT, Opcode.SAVEPOINT_BEGIN, 0, 0, ((Stmt.Savepoint) body).name().text());
        } else if (body instanceof Stmt.Release) {
            p.v.addOp(Opcode.SAVEPOINT, Opcode.SAVEPOINT_RELEASE, 0, 0, ((Stmt.Release) body).name().text());
        } else {
            throw SqliteException.error("not supported: " + describe(body));
        }
        p.v.setExplainMode(mode);
        p.v.setSql(sql.substring(stmt.start(), stmt.end()));
        return p.finish();
    }

    private static String describe(Stmt s) {
        String n = s.getClass().getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (i > 0 && c >= 'A' && c <= 'Z') {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /** SQLite's built-in functions (one registry shared by every compilation). */
    public static FunctionRegistry builtins() {
        return Builtins.REGISTRY;
    }

    /** The built-in functions, created once. */
    private static final class Builtins {
        static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();
    }
}
