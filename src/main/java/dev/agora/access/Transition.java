package dev.agora.access;

import java.time.Instant;

/** A line of a request's history: who moved it from which state to which, when, and why. */
public record Transition(Instant at, String actor, RequestStatus from, RequestStatus to, String comment) {}
