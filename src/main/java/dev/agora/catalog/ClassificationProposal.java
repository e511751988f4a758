package dev.agora.catalog;

import java.time.Instant;

/** A lower classification an owner proposed; it applies once a steward of the domain (or an administrator) agrees. */
public record ClassificationProposal(Classification classification, String proposedBy, Instant proposedAt) {}
