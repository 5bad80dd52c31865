package dev.skerry.testkit;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.translate.Translator;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.ProgramBuilder;
import dev.skerry.engine.vdbe.SchemaReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Skerry on a fresh database of the test VFS ({@link TestVfs}: inline or deferred completions), running one
 * statement at a time and reporting an {@link Outcome} in the same form as {@link SqliteEngine}.
 *
 * <p>Each statement is parsed, compiled by {@link Translator} against the schema built from the
 * connection's {@code sqlite_schema} rows, and run through {@code Connection.prepare(Program)}.
 */
public final class SkerryEngine implements AutoCloseable {
    private final Vfs vfs;
    private final Connection connection;

    public SkerryEngine() {
        try {
            vfs = TestVfs.create();
            connection = HostLoop.open(vfs, "differential.db");
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement and returns its rows or its error. */
    public Outcome run(String sql) {
        Statement st = null;
        try {
            Stmt stmt = Parser.parseFirst(sql).statement();
            if (stmt == null) {
                return Outcome.rows(new ArrayList<>(), new ArrayList<>());
            }
            st = connection.prepare(Translator.compile(stmt, sql, schema()));
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < st.columnCount(); i++) {
                columns.add(st.columnName(i));
            }
            List<List<String>> rows = new ArrayList<>();
            Mem m = new Mem();
            while (HostLoop.step(st, vfs) == StepResult.ROW) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < st.columnCount(); i++) {
                    st.columnValue(i, m);
                    row.add(render(m));
                }
                rows.add(row);
            }
            return Outcome.rows(columns, rows);
        } catch (SqliteException e) {
            return Outcome.error(e.primaryCode(), e.getMessage());
        } finally {
            if (st != null) {
                try {
                    st.close();
                } catch (SqliteException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private Schema schema() throws SqliteException {
        Schema schema = new Schema();
        schema.setCookie(readSchemaCookie());
        for (SchemaReader.Row r : connection.schemaRows()) {
            SchemaBuilder.addRow(schema, r.type, r.name, r.tableName, r.rootPage, r.sql);
        }
        return schema;
    }

    /** The database's schema cookie, read by a small program (the connection does not expose it). */
    private int readSchemaCookie() throws SqliteException {
        ProgramBuilder b = new ProgramBuilder();
        int r = b.allocRegister();
        b.addOp(Opcode.INIT, 0, 1);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_READ, 0, null, 0);
        b.addOp(Opcode.READ_COOKIE, 0, r, Opcode.BTREE_SCHEMA_VERSION);
        b.addOp(Opcode.RESULT_ROW, r, 1);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"cookie"}, new String[] {null});
        Statement st = connection.prepare(b.finish());
        try {
            HostLoop.step(st, vfs);
            return (int) st.columnLong(0);
        } finally {
            st.close();
        }
    }

    private static String render(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return Outcome.integer(m.longValue());
            case Mem.FLOAT: return Outcome.real(m.doubleValue());
            case Mem.TEXT: return Outcome.text(m.text());
            case Mem.BLOB: return Outcome.blob(m.blob());
            default: return Outcome.nullValue();
        }
    }

    @Override
    public void close() {
        try {
            HostLoop.close(connection, vfs);
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }
}
