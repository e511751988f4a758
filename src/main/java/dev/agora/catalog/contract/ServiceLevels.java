package dev.agora.catalog.contract;

import java.time.Duration;

/**
 * What a producer promises about the timeliness and support of a product: how old its newest data may be
 * ({@code freshness}), how often it is updated ({@code updateFrequency}, which also sets how often Agora checks its
 * quality), where consumers get help ({@code supportChannel}) and how soon they hear back ({@code responseTime}).
 * Any of them may be null: not promised.
 */
public record ServiceLevels(Duration freshness, Duration updateFrequency, String supportChannel,
        Duration responseTime) {

    public static final ServiceLevels NONE = new ServiceLevels(null, null, null, null);

    public ServiceLevels {
        supportChannel = supportChannel == null || supportChannel.isBlank() ? null : supportChannel.strip();
    }
}
