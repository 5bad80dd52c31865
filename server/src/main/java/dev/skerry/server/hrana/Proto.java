package dev.skerry.server.hrana;

import dev.skerry.engine.value.Mem;
import java.util.List;

/**
 * The Hrana requests as records, after decoding and validation (see {@link ProtoDecoder}). Values are engine
 * {@link Mem} cells, ready to bind. Step numbers of batch conditions refer to earlier steps only.
 */
final class Proto {
    private Proto() {
    }

    /** A statement: its text or the id of a stored text (exactly one), arguments, whether rows are wanted. */
    record Stmt(String sql, Integer sqlId, List<Mem> args, List<NamedArg> namedArgs, boolean wantRows) {
    }

    record NamedArg(String name, Mem value) {
    }

    /** A condition of a batch step, evaluated when the step is reached. */
    sealed interface Cond permits Ok, Error, Not, And, Or, IsAutocommit {
    }

    record Ok(int step) implements Cond {
    }

    record Error(int step) implements Cond {
    }

    record Not(Cond cond) implements Cond {
    }

    record And(List<Cond> conds) implements Cond {
    }

    record Or(List<Cond> conds) implements Cond {
    }

    record IsAutocommit() implements Cond {
    }

    /** A batch step: a statement run when its condition (null: always) holds. */
    record BatchStep(Cond condition, Stmt stmt) {
    }

    /** One request of a pipeline. */
    sealed interface Request permits Execute, Batch, Sequence, Describe, StoreSql, CloseSql, GetAutocommit, Close {
    }

    record Execute(Stmt stmt) implements Request {
    }

    record Batch(List<BatchStep> steps) implements Request {
    }

    record Sequence(String sql, Integer sqlId) implements Request {
    }

    record Describe(String sql, Integer sqlId) implements Request {
    }

    record StoreSql(int sqlId, String sql) implements Request {
    }

    record CloseSql(int sqlId) implements Request {
    }

    record GetAutocommit() implements Request {
    }

    record Close() implements Request {
    }

    /** {@code POST …/pipeline}: the baton of an existing stream (null: a new stream) and its requests. */
    record Pipeline(String baton, List<Request> requests) {
    }

    /** {@code POST /v3/cursor}: the baton and one batch whose results are streamed. */
    record Cursor(String baton, List<BatchStep> steps) {
    }
}
