package dev.skerry.server;

import org.eclipse.jetty.server.Request;

/**
 * Decides whether an HTTP request may use a database, and how. The server asks before it runs anything of a
 * Hrana request. {@link #ALLOW_ALL} ({@code --no-auth}, for local demos) admits everything with
 * {@link Access#ADMIN}; {@link dev.skerry.server.auth.TokenAuth} checks the Ed25519 JWT of the Turso
 * clients ({@code Authorization: Bearer <jwt>}).
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

    /** Admits every request, read-write, creating databases on first use. */
    Auth ALLOW_ALL = (request, database) -> Access.ADMIN;

    /** What {@code request} may do on {@code database}; throws {@link Denied} when it may not use it at all. */
    Access authorize(Request request, String database) throws Denied;
}
