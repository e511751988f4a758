package dev.agora.identity.sso;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Agora with single sign-on switched on against {@link MockProvider}: the one extra test profile of the suite
 * (each profile restarts the application), shared by every spec that needs a provider — API bearer tokens and
 * browser sign-in alike. Its data directory is its own, so its search index does not mix with the default
 * profile's.
 */
public class SingleSignOnProfile implements QuarkusTestProfile {

    /** A pipeline's client that AGORA_OIDC_CLIENT_TEAMS makes a member of sales-analytics. */
    public static final String SALES_PIPELINE = "sales-etl";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "agora.oidc.client-id", MockProvider.AGORA_CLIENT_ID,
                "agora.oidc.client-secret", "secret-of-agora",
                "agora.oidc.provider-name", "Mock provider",
                // Agora's own client, and (Cognito style: client_id instead of aud) the sales pipeline's
                "agora.oidc.audience", MockProvider.AGORA_CLIENT_ID + "," + SALES_PIPELINE,
                "agora.oidc.client-teams", SALES_PIPELINE + "=sales-analytics",
                "agora.data-dir", "target/agora-test-data-sso");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MockProviderResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
