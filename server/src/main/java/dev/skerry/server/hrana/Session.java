package dev.skerry.server.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;
import dev.skerry.server.Access;
import dev.skerry.server.db.Database;
import dev.skerry.server.db.Databases;
import java.io.IOException;
import java.util.List;

/**
 * Runs the stream requests of one HTTP request on the stream's database, in order, each to its own result
 * (a failing request does not stop the next ones). The database is entered at the first request that needs
 * it and left when the session closes, so the whole pipeline runs without another stream's statements in
 * between; a stream that leaves a transaction open keeps the database (see {@link Database}).
 *
 * <p>States: NOT_ENTERED → ENTERED (first use of the connection) → closed; or NOT_ENTERED → FAILED (entering
 * failed: every later request that needs the database gets that error, e.g. SQLITE_BUSY).
 */
final class Session implements AutoCloseable {
    /** Where the steps of a batch report: a pipeline collects them, a cursor streams them. */
    interface BatchSink {
        /** Runs step {@code index} (whose condition held) with {@code runner}. */
        void step(int index, StmtRunner runner, String sql, Proto.Stmt stmt) throws RequestError, IOException;

        void stepError(int index, RequestError e) throws IOException;
    }

    private final Stream stream;
    private final Databases databases;
    private final long busyTimeoutMillis;
    private Database database;
    private Connection connection;
    private RequestError enterError;
    private final StmtRunner.Budget budget;
    private final Access access;
    private final Deadline deadline;

    /**
     * @param maxResponseBytes the estimated size the rows of this request may reach (RESPONSE_TOO_LARGE above)
     * @param access what the request may do (read-only: writing statements fail with SQLITE_AUTH)
     * @param deadline the request's time limit
     */
    Session(Stream stream, Databases databases, long busyTimeoutMillis, long maxResponseBytes, Access access,
            Deadline deadline) {
        this.stream = stream;
        this.access = access;
        this.deadline = deadline;
        this.databases = databases;
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.budget = new StmtRunner.Budget(maxResponseBytes);
    }

    /** Runs one pipeline request, writing its result object ({@code {"type":"ok",…}} or {@code "error"}). */
    void run(Proto.Request request, ProtoWriter out) throws IOException {
        JsonGenerator g = out.json();
        try {
            if (stream.closed) {
                throw new RequestError(RequestError.STREAM_CLOSED, "The stream was closed");
            }
            respond(request, out);
            g.writeEndObject();
            g.writeEndObject();
        } catch (RequestError e) {
            g.writeStartObject();
            g.writeStringField("type", "error");
            g.writeFieldName("error");
            out.error(e);
            g.writeEndObject();
        }
    }

    /** Runs a request and writes the start of its ok result (the caller closes the two objects). */
    private void respond(Proto.Request request, ProtoWriter out) throws RequestError, IOException {
        JsonGenerator g = out.json();
        if (request instanceof Proto.Execute e) {
            StmtResult r = runner().execute(sql(e.stmt().sql(), e.stmt().sqlId()), e.stmt());
            okStart(g, "execute");
            g.writeFieldName("result");
            out.stmtResult(r);
        } else if (request instanceof Proto.Batch b) {
            BatchCollector c = new BatchCollector(b.steps().size());
            batch(b.steps(), c);
            okStart(g, "batch");
            g.writeFieldName("result");
            c.write(out);
        } else if (request instanceof Proto.Sequence s) {
            runner().sequence(sql(s.sql(), s.sqlId()));
            okStart(g, "sequence");
        } else if (request instanceof Proto.Describe d) {
            StmtRunner.Description r = runner().describe(sql(d.sql(), d.sqlId()));
            okStart(g, "describe");
            g.writeObjectFieldStart("result");
            g.writeArrayFieldStart("params");
            for (String name : r.params()) {
                g.writeStartObject();
                g.writeStringField("name", name);
                g.writeEndObject();
            }
            g.writeEndArray();
            out.cols(r.cols());
            g.writeBooleanField("is_explain", r.isExplain());
            g.writeBooleanField("is_readonly", r.isReadonly());
            g.writeEndObject();
        } else if (request instanceof Proto.StoreSql s) {
            storeSql(s);
            okStart(g, "store_sql");
        } else if (request instanceof Proto.CloseSql c) {
            stream.storedSql.remove(c.sqlId());
            okStart(g, "close_sql");
        } else if (request instanceof Proto.GetAutocommit) {
            boolean autocommit = isAutocommit();
            okStart(g, "get_autocommit");
            g.writeBooleanField("is_autocommit", autocommit);
        } else if (request instanceof Proto.Close) {
            closeStream();
            okStart(g, "close");
        } else {
            throw new IllegalStateException("unknown request " + request);
        }
    }

    private static void okStart(JsonGenerator g, String type) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "ok");
        g.writeObjectFieldStart("response");
        g.writeStringField("type", type);
    }

    /**
     * Runs a batch: each step whose condition holds when it is reached (conditions read the outcome of
     * earlier steps and the connection's autocommit state at that moment); skipped steps report nothing.
     */
    void batch(List<Proto.BatchStep> steps, BatchSink sink) throws IOException {
        boolean[] ok = new boolean[steps.size()];
        boolean[] failed = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Proto.BatchStep step = steps.get(i);
            try {
                if (stream.closed) {
                    throw new RequestError(RequestError.STREAM_CLOSED, "The stream was closed");
                }
                if (step.condition() != null && !holds(step.condition(), ok, failed)) {
                    continue;
                }
                sink.step(i, runner(), sql(step.stmt().sql(), step.stmt().sqlId()), step.stmt());
                ok[i] = true;
            } catch (RequestError e) {
                failed[i] = true;
                sink.stepError(i, e);
            }
        }
    }

    private boolean holds(Proto.Cond cond, boolean[] ok, boolean[] failed) {
        if (cond instanceof Proto.Ok c) {
            return ok[c.step()];
        } else if (cond instanceof Proto.Error c) {
            return failed[c.step()];
        } else if (cond instanceof Proto.Not c) {
            return !holds(c.cond(), ok, failed);
        } else if (cond instanceof Proto.And c) {
            for (Proto.Cond sub : c.conds()) {
                if (!holds(sub, ok, failed)) {
                    return false;
                }
            }
            return true;
        } else if (cond instanceof Proto.Or c) {
            for (Proto.Cond sub : c.conds()) {
                if (holds(sub, ok, failed)) {
                    return true;
                }
            }
            return false;
        }
        return isAutocommit();
    }

    /** The stream's autocommit state: the connection's when entered, else whether it keeps no transaction. */
    private boolean isAutocommit() {
        return connection != null ? connection.isAutocommit() : !stream.inTransaction;
    }

    private String sql(String sql, Integer sqlId) throws RequestError {
        if (sql != null && sqlId != null) {
            throw new RequestError(RequestError.ARGS_INVALID, "A statement cannot have both 'sql' and 'sql_id'");
        }
        if (sql != null) {
            return sql;
        }
        String stored = stream.storedSql.get(sqlId);
        if (stored == null) {
            throw new RequestError(RequestError.SQL_NOT_FOUND, "SQL text with id " + sqlId + " was not found");
        }
        return stored;
    }

    private void storeSql(Proto.StoreSql s) throws RequestError {
        if (stream.storedSql.containsKey(s.sqlId())) {
            throw new RequestError(RequestError.SQL_EXISTS, "SQL text with id " + s.sqlId() + " already exists");
        }
        if (stream.storedSql.size() >= Stream.MAX_STORED_SQL) {
            throw new RequestError(RequestError.SQL_STORE_TOO_MANY, "The server already stores "
                    + Stream.MAX_STORED_SQL + " SQL texts, it cannot store more");
        }
        stream.storedSql.put(s.sqlId(), s.sql());
    }

    /** Closes the stream: an open transaction is rolled back. */
    void closeStream() throws RequestError {
        if (stream.inTransaction || connection != null) {
            StmtRunner runner = runner();
            if (!connection.isAutocommit()) {
                runner.sequence("ROLLBACK");
            }
        }
        stream.closed = true;
    }

    /** A runner on the stream's connection, entering the database on first use. */
    private StmtRunner runner() throws RequestError {
        if (connection == null) {
            if (enterError != null) {
                throw enterError;
            }
            try {
                database = databases.acquire(stream.database);
            } catch (Databases.NotFoundException e) {
                enterError = new RequestError("DATABASE_NOT_FOUND", e.getMessage());
                throw enterError;
            }
            try {
                connection = database.enter(stream, busyTimeoutMillis);
            } catch (SqliteException e) {
                databases.release(database);
                database = null;
                enterError = RequestError.of(e);
                throw enterError;
            } catch (RuntimeException e) {
                databases.release(database);
                database = null;
                enterError = new RequestError(RequestError.codeName(ResultCode.SQLITE_INTERNAL),
                        "internal error: " + e);
                throw enterError;
            }
        }
        deadline.arm(connection);
        return new StmtRunner(connection, database.vfs(), budget, access == Access.READ_ONLY, deadline);
    }

    /** Leaves the database (recording whether the stream keeps a transaction open). */
    @Override
    public void close() {
        deadline.disarm();
        if (connection != null) {
            database.leave(stream);
            stream.inTransaction = database.isTransactionOwner(stream);
            databases.release(database);
            connection = null;
            database = null;
        }
    }

    /** Collects a pipeline batch's step results and errors ({@code null} for skipped steps). */
    private static final class BatchCollector implements BatchSink {
        private final StmtResult[] results;
        private final RequestError[] errors;

        BatchCollector(int n) {
            results = new StmtResult[n];
            errors = new RequestError[n];
        }

        @Override
        public void step(int index, StmtRunner runner, String sql, Proto.Stmt stmt) throws RequestError {
            results[index] = runner.execute(sql, stmt);
        }

        @Override
        public void stepError(int index, RequestError e) {
            errors[index] = e;
        }

        void write(ProtoWriter out) throws IOException {
            JsonGenerator g = out.json();
            g.writeStartObject();
            g.writeArrayFieldStart("step_results");
            for (StmtResult r : results) {
                if (r == null) {
                    g.writeNull();
                } else {
                    out.stmtResult(r);
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("step_errors");
            for (RequestError e : errors) {
                if (e == null) {
                    g.writeNull();
                } else {
                    out.error(e);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Streams a cursor's entries: step_begin, row…, step_end, or step_error. */
    static final class CursorSink implements BatchSink {
        private final ProtoWriter out;

        CursorSink(ProtoWriter out) {
            this.out = out;
        }

        @Override
        public void step(int index, StmtRunner runner, String sql, Proto.Stmt stmt) throws RequestError, IOException {
            JsonGenerator g = out.json();
            StmtResult r = runner.execute(sql, stmt, new StmtRunner.Rows() {
                @Override
                public void begin(List<StmtResult.Col> cols) throws IOException {
                    g.writeStartObject();
                    g.writeStringField("type", "step_begin");
                    g.writeNumberField("step", index);
                    out.cols(cols);
                    g.writeEndObject();
                    out.newline();
                }

                @Override
                public void row(Mem[] row) throws IOException {
                    g.writeStartObject();
                    g.writeStringField("type", "row");
                    g.writeFieldName("row");
                    out.row(row);
                    g.writeEndObject();
                    out.newline();
                }
            });
            g.writeStartObject();
            g.writeStringField("type", "step_end");
            g.writeNumberField("affected_row_count", r.affectedRowCount());
            out.lastInsertRowid(r.lastInsertRowid());
            g.writeEndObject();
            out.newline();
        }

        @Override
        public void stepError(int index, RequestError e) throws IOException {
            JsonGenerator g = out.json();
            g.writeStartObject();
            g.writeStringField("type", "step_error");
            g.writeNumberField("step", index);
            g.writeFieldName("error");
            out.error(e);
            g.writeEndObject();
            out.newline();
        }
    }
}
