package dev.skerry.server;

import org.eclipse.jetty.server.Request;

/**
 * Decides whether an HTTP request may use a database. The server asks before it runs anything of a Hrana
 * request. {@link #ALLOW_ALL} (the default, for development) admits everything; the JWT authentication of
 * the Turso clients ({@code Authorization: Bearer <jwt>}) will be one more implementation of this seam.
 */
@FunctionalInterface
public interface Auth {
    /** Why a request was refused: answered with HTTP 401 and {@code {"message": …}}. */
    final class Denied extends Exception {
        private static final long serialVersionUID = 1L;

        public Denied(String message) {
            super(message, null, false, false);
        }
    }

    /** Admits every request. */
    Auth ALLOW_ALL = (request, database) -> { };

    /** Returns normally when {@code request} may use {@code database}; throws {@link Denied} otherwise. */
    void authorize(Request request, String database) throws Denied;
}
