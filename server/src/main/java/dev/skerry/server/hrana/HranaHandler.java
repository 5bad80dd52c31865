package dev.skerry.server.hrana;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skerry.server.Access;
import dev.skerry.server.Auth;
import dev.skerry.server.Cors;
import dev.skerry.server.RequestBody;
import dev.skerry.server.db.DatabaseName;
import dev.skerry.server.db.Databases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Hrana over HTTP under {@code /db/<name>/}: the client URL of database {@code name} is
 * {@code http://host:port/db/<name>/} ({@code @libsql/client} resolves {@code v2/pipeline} against it, so it
 * needs the final slash; {@code @tursodatabase/serverless} appends {@code /v3/…} and works with or without).
 *
 * <pre>
 * GET  …/v2, …/v3          200 text (version probe)          POST …/v2/pipeline, …/v3/pipeline  JSON pipeline
 * GET  …/health            200 {"status":"ok"}                POST …/v3/cursor                   NDJSON cursor
 * any  …/v3-protobuf[/…]   404 (protobuf is not implemented: clients fall back to JSON)
 * OPTIONS …                204 CORS preflight                 other paths under /db/             404
 * </pre>
 *
 * Every answer under {@code /db/} carries CORS headers allowing any origin. Requests are refused as a whole
 * (nothing runs) with a JSON error {@code {"message", "code"}}: 400 for a bad database name, malformed JSON or
 * an invalid baton, 401 when {@link Auth} refuses (a read-only grant makes writing statements fail with
 * {@code SQLITE_AUTH}), 404 for a database that does not exist (when databases are
 * not created on first use), 405 for a wrong method, 413 above the body size limit. Paths outside
 * {@code /db/} are left to the next handler.
 */
public final class HranaHandler extends Handler.Abstract {
    private static final String PREFIX = "db";
    private static final String JSON = "application/json";

    private final Databases databases;
    private final Streams streams;
    private final Auth auth;
    private final long busyTimeoutMillis;
    private final int maxBodyBytes;
    private final long maxResponseBytes;
    private final long requestTimeoutMillis;
    private final ScheduledExecutorService timer;

    /**
     * @param streamIdleMillis how long a stream lives without requests (its transaction is then rolled back)
     * @param maxStreams the most streams kept at once
     * @param busyTimeoutMillis how long a request waits for another stream's transaction before SQLITE_BUSY
     * @param maxBodyBytes the largest request body accepted
     * @param maxResponseBytes the estimated size the rows of one response may reach (RESPONSE_TOO_LARGE above)
     * @param requestTimeoutMillis how long the statements of one HTTP request may run (SQLITE_INTERRUPT after)
     * @param timer the thread that interrupts statements past their request's time
     */
    public HranaHandler(Databases databases, Auth auth, long streamIdleMillis, int maxStreams,
            long busyTimeoutMillis, int maxBodyBytes, long maxResponseBytes, long requestTimeoutMillis,
            ScheduledExecutorService timer) {
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.timer = timer;
        this.databases = databases;
        this.auth = auth;
        this.streams = new Streams(streamIdleMillis, maxStreams);
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.maxBodyBytes = maxBodyBytes;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        List<String> path = segments(Request.getPathInContext(request));
        if (path.isEmpty() || !path.get(0).equals(PREFIX)) {
            return false;
        }
        Cors.allow(request, response, "GET, POST, OPTIONS");
        try {
            if (Cors.isPreflight(request)) {
                response.setStatus(204);
                callback.succeeded();
                return true;
            }
            if (path.size() < 2) {
                throw new HttpError(404, "NOT_FOUND", "not found");
            }
            String name = path.get(1);
            if (!DatabaseName.isValid(name)) {
                throw new HttpError(400, "DATABASE_NAME_INVALID", "invalid database name (1 to "
                        + DatabaseName.MAX_LENGTH + " characters a-z, 0-9, '-', '_', starting with a letter or digit)");
            }
            route(name, String.join("/", path.subList(2, path.size())), request, response, callback);
        } catch (HttpError e) {
            RequestBody.drain(request, maxBodyBytes);
            writeError(response, callback, e.status(), e.code(), e.getMessage());
        } catch (RuntimeException | IOException e) {
            RequestBody.drain(request, maxBodyBytes);
            writeError(response, callback, 500, "INTERNAL_ERROR", "internal error: " + e);
        }
        return true;
    }

    private void route(String name, String rest, Request request, Response response, Callback callback)
            throws HttpError, IOException {
        String method = request.getMethod();
        boolean get = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
        switch (rest) {
            case "", "v2", "v3" -> {
                requireMethod(get);
                write(response, callback, 200, "text/plain",
                        "Hello, this is HTTP API " + (rest.isEmpty() ? "v3" : rest) + " (Hrana over HTTP)");
            }
            case "health" -> {
                requireMethod(get);
                write(response, callback, 200, JSON, "{\"status\":\"ok\"}\n");
            }
            case "v2/pipeline", "v3/pipeline" -> {
                requireMethod(HttpMethod.POST.is(method));
                Access access = authorize(name, request);
                byte[] body = readBody(request);
                write(response, callback, 200, JSON, pipeline(name, ProtoDecoder.pipeline(body), access));
            }
            case "v3/cursor" -> {
                requireMethod(HttpMethod.POST.is(method));
                Access access = authorize(name, request);
                byte[] body = readBody(request);
                write(response, callback, 200, "text/plain", cursor(name, ProtoDecoder.cursor(body), access));
            }
            default -> throw new HttpError(404, "NOT_FOUND", "not found");
        }
    }

    private static void requireMethod(boolean allowed) throws HttpError {
        if (!allowed) {
            throw new HttpError(405, "METHOD_NOT_ALLOWED", "method not allowed");
        }
    }

    /**
     * Authorises the request and checks that the database may be opened (only {@link Access#ADMIN} creates it on
     * first use, so a token of a deleted database does not bring it back); returns what the request may do.
     */
    private Access authorize(String name, Request request) throws HttpError {
        Access access;
        try {
            access = auth.authorize(request, name);
        } catch (Auth.Denied e) {
            throw new HttpError(401, "UNAUTHORIZED", e.getMessage());
        }
        if (!databases.canOpen(name) || access != Access.ADMIN && !databases.exists(name)) {
            throw new HttpError(404, "DATABASE_NOT_FOUND", "database " + name + " does not exist");
        }
        return access;
    }

    /** Reads the body (size-limited). */
    private byte[] readBody(Request request) throws HttpError, IOException {
        byte[] body = RequestBody.read(request, maxBodyBytes);
        if (body == null) {
            throw new HttpError(413, "REQUEST_TOO_LARGE", "the request body is larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    /** Runs a pipeline and returns the response body: {@code {"results": […], "baton": …, "base_url": null}}. */
    private byte[] pipeline(String name, Proto.Pipeline p, Access access) throws HttpError, IOException {
        Stream stream = p.baton() == null ? streams.open(name) : streams.take(p.baton(), name);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProtoWriter out = new ProtoWriter(buf)) {
            JsonGenerator g = out.json();
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            try (Session session = new Session(stream, databases, busyTimeoutMillis, maxResponseBytes, access,
                    deadline())) {
                for (Proto.Request r : p.requests()) {
                    session.run(r, out);
                }
            } catch (RuntimeException | IOException e) {
                closeOrRetry(stream);
                throw e;
            }
            g.writeEndArray();
            g.writeStringField("baton", stream.closed ? null : streams.put(stream));
            g.writeNullField("base_url");
            g.writeEndObject();
        }
        return buf.toByteArray();
    }

    /**
     * Runs a cursor and returns the NDJSON body: the line {@code {"baton": …, "base_url": null}}, then one
     * entry per line.
     */
    private byte[] cursor(String name, Proto.Cursor c, Access access) throws HttpError, IOException {
        Stream stream = c.baton() == null ? streams.open(name) : streams.take(c.baton(), name);
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        try (ProtoWriter out = new ProtoWriter(entries);
                Session session = new Session(stream, databases, busyTimeoutMillis, maxResponseBytes, access,
                        deadline())) {
            session.batch(c.steps(), new Session.CursorSink(out));
        } catch (RuntimeException | IOException e) {
            closeOrRetry(stream);
            throw e;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProtoWriter out = new ProtoWriter(buf)) {
            JsonGenerator g = out.json();
            g.writeStartObject();
            g.writeStringField("baton", stream.closed ? null : streams.put(stream));
            g.writeNullField("base_url");
            g.writeEndObject();
            out.newline();
        }
        entries.writeTo(buf);
        return buf.toByteArray();
    }

    /** Expires the streams idle for too long, rolling back their transactions (called periodically). */
    public void expireStreams() {
        for (Stream s : streams.expire()) {
            closeOrRetry(s);
        }
    }

    /**
     * Closes a stream; one whose transaction could not be rolled back is kept under a baton nobody knows, so
     * that the next expiry tries again (else its database would stay owned by a stream nobody can reach).
     */
    private void closeOrRetry(Stream s) {
        if (!close(s)) {
            streams.put(s);
        }
    }

    /** Closes every stream (shutdown; a transaction that cannot be rolled back here is by closing its database). */
    public void closeStreams() {
        for (Stream s : streams.removeAll()) {
            close(s);
        }
    }

    /** The number of streams kept between requests. */
    public int streamCount() {
        return streams.size();
    }

    /**
     * Closes a stream that is not in the registry (expired, or failed unexpectedly: then it is closed rather
     * than kept), rolling back its transaction. Returns false when the database could not be entered to roll
     * back (the stream still owns it).
     */
    private boolean close(Stream s) {
        if (!s.inTransaction) {
            s.closed = true;
            return true;
        }
        try (Session session = new Session(s, databases, busyTimeoutMillis, maxResponseBytes, Access.READ_WRITE,
                deadline())) {
            session.closeStream();
            return true;
        } catch (RequestError e) {
            return false;
        }
    }

    private Deadline deadline() {
        return new Deadline(timer, requestTimeoutMillis);
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

    private static void writeError(Response response, Callback callback, int status, String code, String message) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProtoWriter out = new ProtoWriter(buf)) {
            out.error(new RequestError(code, message));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        write(response, callback, status, JSON, buf.toByteArray());
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        write(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
