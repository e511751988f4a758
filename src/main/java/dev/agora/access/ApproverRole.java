package dev.agora.access;

/** Who must approve: an OWNER of the product's owner team, or a STEWARD of the product's domain. */
public enum ApproverRole {
    OWNER,
    STEWARD
}
