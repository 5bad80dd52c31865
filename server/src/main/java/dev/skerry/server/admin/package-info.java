/**
 * The admin API: the part of Turso's Platform API that {@code @tursodatabase/api} uses to create, list, get,
 * branch and delete databases and to issue their tokens, over the {@link dev.skerry.server.db.Databases}
 * registry; requests need the admin token.
 */
package dev.skerry.server.admin;
