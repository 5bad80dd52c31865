/**
 * The Skerry server: {@link dev.skerry.server.SkerryServer} (the executable {@code skerry-server.jar}) runs
 * Jetty with the databases of a data directory ({@code db} package) served over Hrana over HTTP
 * ({@code hrana} package) and the demo site at the root; {@link dev.skerry.server.ServerOptions} reads the
 * command line; {@link dev.skerry.server.Auth} decides what a request may do on a database ({@code auth}
 * package: Ed25519 JWTs and the admin token); the admin API, a subset of Turso's Platform API, manages
 * databases and issues tokens ({@code admin} package).
 * The engine is single-threaded per connection; this module is where threads live: each database serialises
 * its users with a lock (see {@code Database}).
 */
package dev.skerry.server;
