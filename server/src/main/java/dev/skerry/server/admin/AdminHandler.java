package dev.skerry.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skerry.engine.SqliteException;
import dev.skerry.server.Access;
import dev.skerry.server.Cors;
import dev.skerry.server.RequestBody;
import dev.skerry.server.db.DatabaseName;
import dev.skerry.server.db.Databases;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The subset of Turso's Platform API that {@code @tursodatabase/api} calls for databases, under
 * {@code /v1/organizations/<org>/} (one organization: any {@code org} names it):
 *
 * <pre>
 * GET    …/databases                      {"databases": [Database…]}
 * POST   …/databases {"name", "seed"?}    {"database": {"DbId", "Hostname", "Name"}}   (409 when it exists)
 * GET    …/databases/{name}               {"database": Database}
 * DELETE …/databases/{name}               {"database": name}       (closes it and removes its files)
 * POST   …/databases/{name}/auth/tokens?authorization=full-access|read-only&amp;expiration=never|2w1d12h30m10s
 *                                         {"jwt": token}
 * </pre>
 *
 * A Database is Turso's object with the fields the client reads ({@code Name}, {@code DbId}, {@code Hostname},
 * …); {@code Hostname} is {@code host:port/db/<name>}, so {@code "http://" + Hostname + "/"} is the database's
 * Hrana URL. {@code DbId} is derived from the name. A seed {@code {"type": "database", "name": S}} makes the new
 * database a branch of {@code S} ({@link Databases#branch}); other seed types are refused. Every request needs
 * the admin token ({@code Authorization: Bearer}); errors are Turso's {@code {"error": message}} with 400, 401,
 * 404, 405, 409 or 503 (the branch source stayed in a transaction).
 */
public final class AdminHandler extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    /** Issues database tokens. */
    public interface TokenIssuer {
        /** A token for {@code database} with {@code access}, expiring at {@code expSeconds} (0: never). */
        String issue(String database, Access access, long expSeconds);
    }

    private final Databases databases;
    private final Predicate<Request> isAdmin;
    private final TokenIssuer tokens;
    private final long busyTimeoutMillis;

    /**
     * @param isAdmin whether a request carries the admin token
     * @param busyTimeoutMillis how long a branch waits for its source's transaction to end
     */
    public AdminHandler(Databases databases, Predicate<Request> isAdmin, TokenIssuer tokens, long busyTimeoutMillis) {
        this.databases = databases;
        this.isAdmin = isAdmin;
        this.tokens = tokens;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    private static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        List<String> path = segments(Request.getPathInContext(request));
        if (path.size() < 2 || !path.get(0).equals("v1") || !path.get(1).equals("organizations")) {
            return false;
        }
        Cors.allow(request, response, "GET, POST, DELETE, OPTIONS");
        if (Cors.isPreflight(request)) {
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
        try {
            if (!isAdmin.test(request)) {
                throw new ApiError(401, "Unauthorized: the admin token is required");
            }
            write(response, callback, 200, route(path, request));
        } catch (ApiError e) {
            RequestBody.drain(request, MAX_BODY);
            ObjectNode error = JSON.createObjectNode();
            error.put("error", e.getMessage());
            write(response, callback, e.status, error);
        } catch (IOException | RuntimeException e) {
            RequestBody.drain(request, MAX_BODY);
            ObjectNode error = JSON.createObjectNode();
            error.put("error", "internal error: " + e);
            write(response, callback, 500, error);
        }
        return true;
    }

    private JsonNode route(List<String> path, Request request) throws ApiError, IOException {
        String method = request.getMethod();
        if (path.size() < 4 || !path.get(3).equals("databases")) {
            throw new ApiError(404, "not found");
        }
        if (path.size() == 4) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> create(request);
                default -> throw new ApiError(405, "method not allowed");
            };
        }
        String name = path.get(4);
        if (path.size() == 5) {
            return switch (method) {
                case "GET" -> get(request, name);
                case "DELETE" -> delete(name);
                default -> throw new ApiError(405, "method not allowed");
            };
        }
        if (path.size() == 7 && path.get(5).equals("auth") && path.get(6).equals("tokens")) {
            if (!method.equals("POST")) {
                throw new ApiError(405, "method not allowed");
            }
            return token(request, name);
        }
        throw new ApiError(404, "not found");
    }

    private JsonNode list(Request request) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode all = body.putArray("databases");
        for (String name : databases.names()) {
            all.add(database(request, name));
        }
        return body;
    }

    private JsonNode get(Request request, String name) throws ApiError {
        requireExisting(name);
        ObjectNode body = JSON.createObjectNode();
        body.set("database", database(request, name));
        return body;
    }

    private JsonNode create(Request request) throws ApiError, IOException {
        JsonNode in = body(request);
        String name = in.path("name").asText("");
        if (!DatabaseName.isValid(name)) {
            throw new ApiError(400, "invalid database name: 1 to " + DatabaseName.MAX_LENGTH
                    + " characters a-z, 0-9, '-', '_', starting with a letter or digit");
        }
        JsonNode seed = in.get("seed");
        try {
            if (seed == null || seed.isNull()) {
                databases.create(name);
            } else if (seed.path("type").asText("").equals("database")) {
                String source = seed.path("name").asText("");
                if (!databases.exists(source)) {
                    throw new ApiError(404, "could not find database with name " + source);
                }
                databases.branch(source, name, busyTimeoutMillis);
            } else {
                throw new ApiError(400, "unsupported seed type: only {\"type\": \"database\", \"name\"} is supported");
            }
        } catch (Databases.ExistsException e) {
            throw new ApiError(409, "database with name " + name + " already exists");
        } catch (Databases.NotFoundException e) {
            throw new ApiError(404, e.getMessage());
        } catch (SqliteException e) {
            throw new ApiError(503, "the seed database is busy: " + e.getMessage());
        }
        ObjectNode db = JSON.createObjectNode();
        db.put("DbId", id(name));
        db.put("Hostname", hostname(request, name));
        db.put("Name", name);
        ObjectNode body = JSON.createObjectNode();
        body.set("database", db);
        return body;
    }

    private JsonNode delete(String name) throws ApiError {
        requireExisting(name);
        try {
            databases.delete(name);
        } catch (Databases.NotFoundException e) {
            throw new ApiError(404, "could not find database with name " + name);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("database", name);
        return body;
    }

    private JsonNode token(Request request, String name) throws ApiError {
        requireExisting(name);
        var query = Request.extractQueryParameters(request);
        String authorization = query.getValue("authorization");
        Access access;
        if (authorization == null || authorization.equals("full-access")) {
            access = Access.READ_WRITE;
        } else if (authorization.equals("read-only")) {
            access = Access.READ_ONLY;
        } else {
            throw new ApiError(400, "authorization must be full-access or read-only");
        }
        long exp = 0;
        String expiration = query.getValue("expiration");
        if (expiration != null && !expiration.equals("never")) {
            long seconds = Expiration.seconds(expiration);
            if (seconds <= 0) {
                throw new ApiError(400, "invalid expiration: " + expiration);
            }
            exp = System.currentTimeMillis() / 1000 + seconds;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("jwt", tokens.issue(name, access, exp));
        return body;
    }

    private void requireExisting(String name) throws ApiError {
        if (!databases.exists(name)) {
            throw new ApiError(404, "could not find database with name " + name);
        }
    }

    private ObjectNode database(Request request, String name) {
        ObjectNode db = JSON.createObjectNode();
        db.put("Name", name);
        db.put("DbId", id(name));
        db.put("Hostname", hostname(request, name));
        db.putArray("regions").add("local");
        db.put("primaryRegion", "local");
        db.put("type", "logical");
        db.put("version", "skerry");
        db.put("group", "default");
        db.put("sleeping", false);
        db.put("archived", false);
        db.put("allow_attach", false);
        db.put("block_reads", false);
        db.put("block_writes", false);
        db.put("is_schema", false);
        db.putNull("schema");
        return db;
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("skerry-database:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hostname(Request request, String name) {
        return request.getHttpURI().getAuthority() + "/db/" + name;
    }

    private static JsonNode body(Request request) throws ApiError, IOException {
        byte[] bytes = RequestBody.read(request, MAX_BODY);
        if (bytes == null) {
            throw new ApiError(413, "the request body is too large");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "the request body is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ApiError(400, "the request body is not JSON");
        }
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        if (path != null) {
            for (String s : path.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
        }
        return segments;
    }

    private static void write(Response response, Callback callback, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
