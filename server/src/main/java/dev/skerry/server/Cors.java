package dev.skerry.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * CORS for browser code calling the server from another origin: every answer of the Hrana and admin APIs
 * allows any origin (the APIs are protected by bearer tokens, not by cookies), and a preflight ({@code OPTIONS})
 * is answered 204 with the methods of the API and the request headers the browser asked for.
 */
public final class Cors {
    private Cors() {
    }

    /** Adds the CORS headers allowing {@code methods} (e.g. {@code "GET, POST, OPTIONS"}). */
    public static void allow(Request request, Response response, String methods) {
        var h = response.getHeaders();
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, methods);
        String asked = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, asked != null ? asked : "Authorization, Content-Type");
        h.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "86400");
    }

    /** True for a preflight request, which is answered without authentication. */
    public static boolean isPreflight(Request request) {
        return HttpMethod.OPTIONS.is(request.getMethod());
    }
}
