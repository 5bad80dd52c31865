/**
 * Hrana over HTTP (versions 2 and 3, JSON), the protocol of {@code @libsql/client},
 * {@code @tursodatabase/serverless}, libsql-stateless and the libsql crate: {@link
 * dev.skerry.server.hrana.HranaHandler} routes {@code /db/<name>/v2/pipeline}, {@code /v3/pipeline},
 * {@code /v3/cursor} and the version probes; {@link dev.skerry.server.hrana.ProtoDecoder} turns request JSON
 * into the records of {@link dev.skerry.server.hrana.Proto} (rejecting anything malformed before anything
 * runs); {@link dev.skerry.server.hrana.Streams} keeps the streams between requests under one-use batons;
 * {@link dev.skerry.server.hrana.Session} runs one HTTP request's stream requests on the stream's database,
 * {@link dev.skerry.server.hrana.StmtRunner} runs one statement, and
 * {@link dev.skerry.server.hrana.ProtoWriter} writes results as the clients expect them (integers and rowids
 * as strings, blobs in base64). The wire format is described in {@code shared/docs/protocols.md} and the
 * captures beside it.
 */
package dev.skerry.server.hrana;
