package dev.skerry.server;

/** What an authorised request may do on a database. */
public enum Access {
    /** Reading statements only: the others fail with SQLITE_AUTH. */
    READ_ONLY,
    /** Any statement, on a database that exists. */
    READ_WRITE,
    /** Any statement, and the database is created on first use (when the server creates on first use). */
    ADMIN
}
