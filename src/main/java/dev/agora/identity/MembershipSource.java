package dev.agora.identity;

/** Where a membership, a stewardship or a platform role comes from, so that sign-in changes only its own. */
public enum MembershipSource {
    /** set by an administrator in Agora (or by the demo seed): sign-in never touches it */
    AGORA,
    /** follows the identity provider's groups through the group mappings, at every sign-in */
    PROVIDER
}
