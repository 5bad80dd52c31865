package dev.skerry.server.hrana;

/**
 * A failure of a whole HTTP request (malformed JSON, unknown request type, expired baton, body too large):
 * answered with {@link #status()} and the JSON body {@code {"message": …, "code": …}}, which the clients turn
 * into an error. Nothing of the request has run when it is thrown.
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    static final String PROTOCOL_ERROR = "PROTOCOL_ERROR";
    static final String STREAM_EXPIRED = "STREAM_EXPIRED";

    private final int status;
    private final String code;

    HttpError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A 400 for a request body that is not valid Hrana JSON. */
    static HttpError protocol(String message) {
        return new HttpError(400, PROTOCOL_ERROR, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
