package dev.agora.identity.sso;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts {@link MockProvider} before the application of {@link SingleSignOnProfile} and points Agora at it. */
public class MockProviderResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("agora.oidc.issuer", MockProvider.start());
    }

    @Override
    public void stop() {
        MockProvider.stop();
    }
}
