package dev.agora.identity;

/**
 * An account was disabled or deactivated. Fired synchronously inside the transaction that disabled it, so that
 * features holding rights for the person (access requests, grants) withdraw them in the same commit.
 */
public record AccountDeactivated(String username, String actor) {}
