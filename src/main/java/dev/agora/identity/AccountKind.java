package dev.agora.identity;

/** A person, or a pipeline's client-credentials client that calls the API as its team. */
public enum AccountKind {
    PERSON,
    CLIENT
}
