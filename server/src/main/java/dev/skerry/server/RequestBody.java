package dev.skerry.server;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Request bodies of the Hrana and admin APIs: read with a size bound, and drained before an error answer.
 *
 * <p>Why drain: a request refused before its body is read (401, 404, 413 …) leaves the body unread, and Jetty then
 * closes the connection after the answer. An HTTP/1.1 client that has already put the connection back in its pool
 * (the JDK's client, browsers' fetch) sends its next request on it and sees the connection reset. Reading the rest
 * of a small body keeps the connection usable; a body past the drain bound still ends with the connection closed.
 */
public final class RequestBody {
    private RequestBody() {
    }

    /** Reads the whole body, or returns null when it is larger than {@code max} bytes (its rest drained). */
    public static byte[] read(Request request, int max) throws IOException {
        if (request.getLength() > max) {
            drain(request, max);
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length <= max) {
                return body;
            }
        }
        drain(request, max);
        return null;
    }

    /**
     * Discards what is left of the body, reading at most {@code 4 * max} bytes, so that a client that is still
     * sending is not cut off and sees the answer, and a small body does not cost the connection.
     */
    public static void drain(Request request, int max) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            long drained = 0;
            long skipped;
            while (drained < 4L * max && (skipped = in.skip(Math.max(max, 8192))) > 0) {
                drained += skipped;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or sent a broken body: the connection closes, which is all that is left to do.
        }
    }
}
