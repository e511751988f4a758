package dev.agora.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token presented as {@code Authorization: Bearer agora_pat_…}. */
public final class PersonalTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public PersonalTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
