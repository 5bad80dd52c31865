package dev.skerry.server.hrana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skerry.engine.value.Mem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads Hrana request bodies (JSON) into {@link Proto} records, checking everything before anything runs:
 * a body that is not JSON, a request of unknown type, a missing or mistyped field, a value that is not a
 * Hrana value, a batch condition naming a step that is not an earlier one — each is an {@link HttpError}
 * (400) and the whole HTTP request is refused. Unknown fields are ignored and explicit {@code null}s count
 * as absent (clients send {@code "condition": null}, {@code "sql_id": null}). Integers are accepted as JSON
 * strings or numbers, and a float with an integral value is accepted where an integer is expected.
 */
final class ProtoDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Conditions nested deeper than this are refused (each level is a recursion). */
    private static final int MAX_COND_DEPTH = 100;

    private ProtoDecoder() {
    }

    static Proto.Pipeline pipeline(byte[] body) throws HttpError {
        JsonNode root = object(parse(body), "pipeline request");
        List<Proto.Request> requests = new ArrayList<>();
        for (JsonNode r : array(root, "requests")) {
            requests.add(request(object(r, "request")));
        }
        return new Proto.Pipeline(optString(root, "baton"), requests);
    }

    static Proto.Cursor cursor(byte[] body) throws HttpError {
        JsonNode root = object(parse(body), "cursor request");
        return new Proto.Cursor(optString(root, "baton"), batch(object(root.get("batch"), "batch")));
    }

    private static JsonNode parse(byte[] body) throws HttpError {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw HttpError.protocol("the request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpError.protocol("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpError.protocol("the request body cannot be read: " + e.getMessage());
        }
    }

    private static Proto.Request request(JsonNode r) throws HttpError {
        String type = string(r, "type");
        switch (type) {
            case "execute":
                return new Proto.Execute(stmt(object(r.get("stmt"), "stmt")));
            case "batch":
                return new Proto.Batch(batch(object(r.get("batch"), "batch")));
            case "sequence":
                return new Proto.Sequence(optString(r, "sql"), sqlId(r));
            case "describe":
                return new Proto.Describe(optString(r, "sql"), sqlId(r));
            case "store_sql":
                return new Proto.StoreSql(int32(r.get("sql_id"), "sql_id"), string(r, "sql"));
            case "close_sql":
                return new Proto.CloseSql(int32(r.get("sql_id"), "sql_id"));
            case "get_autocommit":
                return new Proto.GetAutocommit();
            case "close":
                return new Proto.Close();
            default:
                throw HttpError.protocol("unknown request type: " + type);
        }
    }

    private static List<Proto.BatchStep> batch(JsonNode batch) throws HttpError {
        List<Proto.BatchStep> steps = new ArrayList<>();
        for (JsonNode s : array(batch, "steps")) {
            JsonNode step = object(s, "batch step");
            JsonNode c = step.get("condition");
            Proto.Cond cond = c == null || c.isNull() ? null : cond(c, steps.size(), 0);
            steps.add(new Proto.BatchStep(cond, stmt(object(step.get("stmt"), "stmt"))));
        }
        return steps;
    }

    private static Proto.Cond cond(JsonNode node, int currentStep, int depth) throws HttpError {
        if (depth > MAX_COND_DEPTH) {
            throw HttpError.protocol("batch condition nested too deeply");
        }
        JsonNode c = object(node, "condition");
        String type = string(c, "type");
        switch (type) {
            case "ok":
            case "error": {
                int step = int32(c.get("step"), "step");
                if (step < 0 || step >= currentStep) {
                    throw HttpError.protocol("batch condition of step " + currentStep + " refers to step " + step
                            + ", which is not an earlier step");
                }
                return type.equals("ok") ? new Proto.Ok(step) : new Proto.Error(step);
            }
            case "not":
                return new Proto.Not(cond(c.get("cond"), currentStep, depth + 1));
            case "and":
            case "or": {
                List<Proto.Cond> conds = new ArrayList<>();
                for (JsonNode sub : array(c, "conds")) {
                    conds.add(cond(sub, currentStep, depth + 1));
                }
                return type.equals("and") ? new Proto.And(conds) : new Proto.Or(conds);
            }
            case "is_autocommit":
                return new Proto.IsAutocommit();
            default:
                throw HttpError.protocol("unknown batch condition type: " + type);
        }
    }

    private static Proto.Stmt stmt(JsonNode s) throws HttpError {
        String sql = optString(s, "sql");
        Integer sqlId = sqlId(s);
        if (sql == null && sqlId == null) {
            throw HttpError.protocol("a statement needs 'sql' or 'sql_id'");
        }
        List<Mem> args = new ArrayList<>();
        JsonNode a = s.get("args");
        if (a != null && !a.isNull()) {
            for (JsonNode v : array(s, "args")) {
                args.add(value(v));
            }
        }
        List<Proto.NamedArg> named = new ArrayList<>();
        JsonNode n = s.get("named_args");
        if (n != null && !n.isNull()) {
            for (JsonNode arg : array(s, "named_args")) {
                JsonNode o = object(arg, "named argument");
                named.add(new Proto.NamedArg(string(o, "name"), value(o.get("value"))));
            }
        }
        JsonNode w = s.get("want_rows");
        if (w != null && !w.isNull() && !w.isBoolean()) {
            throw HttpError.protocol("'want_rows' must be a boolean");
        }
        return new Proto.Stmt(sql, sqlId, args, named, w == null || w.isNull() || w.booleanValue());
    }

    /** A Hrana value: null, integer (decimal string or number), float, text or blob (base64). */
    static Mem value(JsonNode node) throws HttpError {
        JsonNode v = object(node, "value");
        String type = string(v, "type");
        Mem m = new Mem();
        switch (type) {
            case "null":
                m.setNull();
                break;
            case "integer":
                m.setLong(int64(v.get("value")));
                break;
            case "float": {
                JsonNode f = v.get("value");
                if (f == null || !f.isNumber()) {
                    throw HttpError.protocol("a float value needs a number");
                }
                m.setDouble(f.doubleValue());
                break;
            }
            case "text":
                m.setText(string(v, "value"));
                break;
            case "blob": {
                JsonNode b = v.get("base64");
                if (b == null || !b.isTextual()) {
                    throw HttpError.protocol("a blob value needs 'base64'");
                }
                try {
                    m.setBlob(Base64.getDecoder().decode(b.textValue()));
                } catch (IllegalArgumentException e) {
                    throw HttpError.protocol("a blob value is not valid base64");
                }
                break;
            }
            default:
                throw HttpError.protocol("unknown value type: " + type);
        }
        return m;
    }

    private static long int64(JsonNode n) throws HttpError {
        if (n != null && n.isTextual()) {
            try {
                return Long.parseLong(n.textValue().trim());
            } catch (NumberFormatException e) {
                throw HttpError.protocol("an integer value is not a 64-bit integer: " + n.textValue());
            }
        }
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n != null && n.isFloatingPointNumber()) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18) {
                return (long) d;
            }
        }
        throw HttpError.protocol("an integer value needs a 64-bit integer (as a string)");
    }

    private static Integer sqlId(JsonNode o) throws HttpError {
        JsonNode id = o.get("sql_id");
        return id == null || id.isNull() ? null : int32(id, "sql_id");
    }

    private static int int32(JsonNode n, String field) throws HttpError {
        if (n != null && n.isNumber()) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw HttpError.protocol("'" + field + "' must be a 32-bit integer");
    }

    private static JsonNode object(JsonNode n, String what) throws HttpError {
        if (n == null || !n.isObject()) {
            throw HttpError.protocol("expected an object for " + what);
        }
        return n;
    }

    private static JsonNode array(JsonNode o, String field) throws HttpError {
        JsonNode n = o.get(field);
        if (n == null || !n.isArray()) {
            throw HttpError.protocol("'" + field + "' must be an array");
        }
        return n;
    }

    private static String string(JsonNode o, String field) throws HttpError {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw HttpError.protocol("'" + field + "' must be a string");
        }
        return n.textValue();
    }

    private static String optString(JsonNode o, String field) throws HttpError {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw HttpError.protocol("'" + field + "' must be a string or null");
        }
        return n.textValue();
    }
}
