/**
 * SQLite's JSON support (https://sqlite.org/json1.html): the JSON functions, their aggregates, and the rows of
 * the json_each/json_tree table-valued functions.
 *
 * <p>As in SQLite 3.45 and later, every JSON value is worked on in SQLite's binary format JSONB
 * (https://sqlite.org/jsonb.html, described in {@link dev.skerry.engine.json.Jsonb}): text arguments are
 * translated to JSONB by {@link dev.skerry.engine.json.JsonParser} (which accepts SQLite's JSON5 extensions),
 * paths are looked up and edits made on the JSONB by {@link dev.skerry.engine.json.JsonPath}, and results are
 * rendered back as canonical minified text by {@link dev.skerry.engine.json.JsonText} or returned as JSONB
 * blobs (the {@code jsonb_} functions) or SQL values ({@link dev.skerry.engine.json.JsonValues}). JSONB blobs
 * built here are byte for byte those SQLite builds.
 *
 * <p>How it fits: {@link dev.skerry.engine.json.JsonFunctions} registers the scalars and aggregates in the
 * {@code func} registry; values a JSON function returns as JSON text carry SQLite's JSON subtype (74) so that
 * an enclosing JSON function embeds them instead of quoting them. The translator's table-valued function
 * for json_each/json_tree walks a document with {@link dev.skerry.engine.json.JsonWalk}.
 */
package dev.skerry.engine.json;
