package dev.agora.identity.api;

/** Bounds on what people type into the identity API, shared by its resources. */
final class InputRules {

    /** Names and addresses end up in mail headers and logs: one line, no control characters. */
    static final String SINGLE_LINE = "[^\\p{Cntrl}\\u2028\\u2029]*";
    static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";
    /** Hashing is deliberately slow: an unbounded password would make it a lever for denial of service. */
    static final int MAX_PASSWORD = 1024;

    private InputRules() {}
}
