package dev.agora.identity;

/** A member's role in a team. */
public enum TeamRole {
    /** decides on access requests to the team's data products */
    OWNER,
    /** works with the team's data products and requests access on the team's behalf */
    MEMBER,
    /** a data steward of the team's domain: approves access to sensitive products where policy says */
    STEWARD
}
