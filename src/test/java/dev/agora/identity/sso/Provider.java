package dev.agora.identity.sso;

import dev.agora.identity.OidcSettings;
import java.util.List;
import java.util.Optional;

/** OIDC settings as a deployment writes them, for specs that need no running application. */
record Provider(String issuerUrl, String secret, String groups, String logout) implements OidcSettings {

    static Provider keycloakRealm() {
        return new Provider("https://sso.example.org/realms/agora", "s3cret", null, null);
    }

    static Provider cognitoPool() {
        return new Provider("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf", "s3cret", null,
                "https://agora.auth.eu-west-1.amazoncognito.com/logout");
    }

    Provider withIssuer(String issuer) {
        return new Provider(issuer, secret, groups, logout);
    }

    Provider withoutSecret() {
        return new Provider(issuerUrl, null, groups, logout);
    }

    @Override
    public Optional<String> issuer() {
        return Optional.ofNullable(issuerUrl);
    }

    @Override
    public Optional<String> clientId() {
        return Optional.of("agora");
    }

    @Override
    public Optional<String> clientSecret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String providerName() {
        return "Keycloak";
    }

    @Override
    public Optional<String> groupsClaim() {
        return Optional.ofNullable(groups);
    }

    @Override
    public Optional<String> usernameClaim() {
        return Optional.empty();
    }

    @Override
    public String nameClaim() {
        return "name";
    }

    @Override
    public String emailClaim() {
        return "email";
    }

    @Override
    public Optional<List<String>> audience() {
        return Optional.empty();
    }

    @Override
    public Optional<String> clientTeams() {
        return Optional.empty();
    }

    @Override
    public Optional<String> logoutUrl() {
        return Optional.ofNullable(logout);
    }
}
