package dev.agora.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Agora is reached from browsers: directly, or through a proxy that terminates TLS. */
@ConfigMapping(prefix = "agora.web")
public interface WebSettings {

    /**
     * {@code AGORA_BEHIND_TLS_PROXY=true}: browsers reach Agora over HTTPS through a proxy, so every cookie is
     * marked {@code Secure} and answers carry {@code Strict-Transport-Security}.
     */
    @WithDefault("false")
    boolean behindTlsProxy();
}
