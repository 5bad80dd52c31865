package dev.skerry.server.hrana;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The failure of one stream request or batch step, reported inside a successful HTTP response as the Hrana
 * error {@code {"message": …, "code": …}}: SQLite's message and the name of its (extended) result code, such
 * as {@code SQLITE_CONSTRAINT_UNIQUE}, or one of the protocol codes below (the names sqld uses).
 */
final class RequestError extends Exception {
    private static final long serialVersionUID = 1L;

    static final String SQL_NO_STATEMENT = "SQL_NO_STATEMENT";
    static final String SQL_MANY_STATEMENTS = "SQL_MANY_STATEMENTS";
    static final String ARGS_INVALID = "ARGS_INVALID";
    static final String ARGS_BOTH_POSITIONAL_AND_NAMED = "ARGS_BOTH_POSITIONAL_AND_NAMED";
    static final String SQL_NOT_FOUND = "SQL_NOT_FOUND";
    static final String SQL_EXISTS = "SQL_EXISTS";
    static final String SQL_STORE_TOO_MANY = "SQL_STORE_TOO_MANY";
    static final String STREAM_CLOSED = "STREAM_CLOSED";
    static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

    /** Result code → SQLite's name, from the constants of {@link ResultCode} (primary names win for primaries). */
    private static final Map<Integer, String> NAMES = names();

    private final String code;

    RequestError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static RequestError of(SqliteException e) {
        return new RequestError(codeName(e.code()), e.getMessage());
    }

    String code() {
        return code;
    }

    /** SQLite's name of a result code; an extended code the engine does not list gets its primary's name. */
    static String codeName(int code) {
        String name = NAMES.get(code);
        if (name == null) {
            name = NAMES.getOrDefault(ResultCode.primary(code), "SQLITE_ERROR");
        }
        return name;
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : ResultCode.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("SQLITE_")) {
                try {
                    names.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
