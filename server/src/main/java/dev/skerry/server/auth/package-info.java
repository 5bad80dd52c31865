/**
 * Authentication of the server: the Ed25519 JWTs of sqld and Turso ({@link dev.skerry.server.auth.Jwt}),
 * the server's signing key and admin token kept in the data directory ({@link dev.skerry.server.auth.Keys}),
 * and the {@link dev.skerry.server.Auth} that checks a request's token against the database it asks for
 * ({@link dev.skerry.server.auth.TokenAuth}); the admin API issues tokens through it.
 */
package dev.skerry.server.auth;
