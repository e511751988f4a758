package dev.agora.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds AWS SDK clients the same way for every adapter: credentials and region from the standard provider
 * chain (environment, profile, instance role), unless {@code AGORA_AWS_REGION} names the region; an endpoint
 * override for local peers and test stubs; one small synchronous HTTP client.
 */
@ApplicationScoped
public class AwsClients {

    private final Optional<String> region;

    AwsClients(@ConfigProperty(name = "agora.aws.region") Optional<String> region) {
        this.region = region;
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
            Optional<URI> endpointOverride) {
        return build(builder, endpointOverride, Optional.empty());
    }

    /** As above, in a region of the adapter's own when one is given (Athena runs where the data lives). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder,
            Optional<URI> endpointOverride, Optional<String> regionOverride) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        regionOverride.or(() -> region).map(Region::of).ifPresent(builder::region);
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
