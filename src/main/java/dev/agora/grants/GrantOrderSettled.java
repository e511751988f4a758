package dev.agora.grants;

import java.util.List;
import java.util.UUID;

/**
 * Every grant of an order has been tried to the end: all in place, or some failed for good. Fired inside the
 * transaction that settled the last grant, so that whoever placed the order reacts atomically with it.
 */
public record GrantOrderSettled(UUID orderId, boolean applied, List<String> errors) {}
