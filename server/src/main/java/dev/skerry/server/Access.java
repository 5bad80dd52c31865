package dev.skerry.server;

/** What an authorised request may do on a database: read only, or read and write. */
public enum Access {
    READ_ONLY,
    READ_WRITE
}
