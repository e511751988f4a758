package dev.agora.events.outbound;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agora.events.relay.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends the queued outbound messages: each a POST of its body with its headers, a 2xx within the timeout being
 * success. Each message is retried on its own with exponential backoff and full jitter (a 429's or 503's
 * Retry-After is honoured) and parked as FAILED after the last attempt, so one slow or failing recipient never holds
 * up another: at most {@code concurrency} sends are in flight, each message leased while it is sent, and only the
 * first pending message of a channel and ordering key is due (so one recipient gets one aggregate's events in
 * order). Redirects are not followed, and the destination is checked again before each send.
 */
@ApplicationScoped
public class OutboundDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboundDispatcher.class);
    private static final int ERROR_LENGTH = 500;
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    private static final String CLAIM = """
            UPDATE outbound_messages m SET lease_until = :until
             WHERE m.id IN (SELECT c.id FROM outbound_messages c
                             WHERE c.status = 'PENDING' AND c.next_attempt_at <= :now
                               AND (c.lease_until IS NULL OR c.lease_until < :now)
                               AND NOT EXISTS (SELECT 1 FROM outbound_messages e
                                                WHERE e.channel = c.channel AND e.ordering_key = c.ordering_key
                                                  AND e.status = 'PENDING' AND e.id < c.id)
                             ORDER BY c.next_attempt_at, c.id
                             LIMIT :limit
                               FOR UPDATE SKIP LOCKED)
               AND m.status = 'PENDING' AND (m.lease_until IS NULL OR m.lease_until < :now)
            RETURNING m.id, m.channel, m.url, m.content_type, CAST(m.headers AS text), m.body, m.attempts""";

    private record Claimed(long id, String channel, String url, String contentType, Map<String, String> headers,
            String body, int attempts) {}

    /** What one attempt came to. */
    record Outcome(boolean delivered, Integer responseCode, String error, Duration retryAfter, boolean permanent) {}

    private final EntityManager entities;
    private final DestinationGuard guard;
    private final OutboundSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Backoff backoff;
    private final HttpClient http;
    private final MeterRegistry metrics;
    private final Semaphore slots;
    private final ExecutorService senders;
    private final AtomicBoolean dispatchWanted = new AtomicBoolean();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbound-dispatch");
        thread.setDaemon(true);
        return thread;
    });

    OutboundDispatcher(EntityManager entities, DestinationGuard guard, OutboundSettings settings, ObjectMapper json,
            Clock clock, MeterRegistry metrics) {
        if (settings.concurrency() < 1 || settings.concurrency() > 64) {
            throw new IllegalArgumentException("AGORA_OUTBOUND_CONCURRENCY must be 1 to 64, not "
                    + settings.concurrency());
        }
        if (settings.maxAttempts() < 1) {
            throw new IllegalArgumentException("AGORA_OUTBOUND_MAX_ATTEMPTS must be at least 1");
        }
        this.entities = entities;
        this.guard = guard;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(settings.backoff(), settings.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.slots = new Semaphore(settings.concurrency());
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "outbound-send");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).executor(senders).build();
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatchQuietly();
    }

    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboundMessages.Enqueued enqueued) {
        nudge();
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        nudges.shutdownNow();
        senders.shutdownNow();
    }

    private void nudge() {
        if (dispatchWanted.compareAndSet(false, true)) {
            nudges.execute(() -> {
                dispatchWanted.set(false);
                dispatchQuietly();
            });
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException failed) {
            LOG.warnf("Outbound messages could not be dispatched now (will retry): %s", failed.getMessage());
        }
    }

    /** Claims as many due messages as there are free send slots and starts sending them; tells how many. */
    public int dispatch() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Claimed> claimed = claim(free);
        for (Claimed message : claimed) {
            slots.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    record(message, send(message));
                } catch (RuntimeException failed) {
                    LOG.warnf("Outbound message %d could not be recorded (its lease runs out, it is sent again): %s",
                            message.id(), failed.getMessage());
                } finally {
                    slots.release();
                    // a slot is free again: more may be due (this channel's next message among them)
                    nudge();
                }
            });
        }
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery(CLAIM).setParameter("now", now)
                    .setParameter("until", now.plus(settings.lease())).setParameter("limit", limit).getResultList();
            return rows.stream().map(row -> new Claimed(((Number) row[0]).longValue(), (String) row[1],
                    (String) row[2], (String) row[3], headers((String) row[4]), (String) row[5],
                    ((Number) row[6]).intValue())).toList();
        });
    }

    private Map<String, String> headers(String stored) {
        try {
            return json.readValue(stored, new TypeReference<Map<String, String>>() {});
        } catch (IOException unreadable) {
            return Map.of();
        }
    }

    Outcome send(Claimed message) {
        Optional<String> refused = guard.problem(message.url());
        if (refused.isPresent()) {
            return new Outcome(false, null, "not sent: the URL " + refused.get(), null, true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(message.url())).timeout(settings.timeout())
                .header("Content-Type", message.contentType()).header("User-Agent", "Agora-Outbound/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        message.headers().forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream body = response.body()) {
                answer = new String(body.readNBytes(ERROR_LENGTH), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null, null, false);
            }
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(OutboundDispatcher::seconds)
                    .orElse(null);
            return new Outcome(false, status, "answered " + status + (answer.isBlank() ? "" : ": " + answer.strip()),
                    retryAfter, false);
        } catch (java.net.http.HttpTimeoutException slow) {
            return new Outcome(false, null, "no answer within " + settings.timeout().toMillis() + " ms", null, false);
        } catch (IOException unreachable) {
            return new Outcome(false, null, "could not be reached: " + unreachable, null, false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted while sending", null, false);
        } catch (IllegalArgumentException badHeader) {
            return new Outcome(false, null, "not sent: " + badHeader.getMessage(), null, true);
        }
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            long seconds = Long.parseLong(retryAfter.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private void record(Claimed message, Outcome outcome) {
        String kind = message.channel().contains(":")
                ? message.channel().substring(0, message.channel().indexOf(':')) : message.channel();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            if (outcome.delivered()) {
                entities.createNativeQuery("""
                        UPDATE outbound_messages SET status = 'DELIVERED', attempts = attempts + 1, lease_until = NULL,
                               last_attempt_at = :now, delivered_at = :now, response_code = :code, last_error = NULL
                         WHERE id = :id""")
                        .setParameter("now", now).setParameter("code", outcome.responseCode())
                        .setParameter("id", message.id()).executeUpdate();
                counter("agora.outbound.delivered", kind).increment();
                return;
            }
            int failedAttempts = message.attempts() + 1;
            boolean park = outcome.permanent() || failedAttempts >= settings.maxAttempts();
            Duration pause = backoff.after(failedAttempts);
            if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(pause) > 0) {
                pause = outcome.retryAfter().compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER
                        : outcome.retryAfter();
            }
            String error = outcome.error().length() > ERROR_LENGTH ? outcome.error().substring(0, ERROR_LENGTH)
                    : outcome.error();
            entities.createNativeQuery("""
                    UPDATE outbound_messages SET status = :status, attempts = attempts + 1, lease_until = NULL,
                           last_attempt_at = :now, next_attempt_at = :next, response_code = :code, last_error = :error
                     WHERE id = :id""")
                    .setParameter("status", park ? "FAILED" : "PENDING").setParameter("now", now)
                    .setParameter("next", now.plus(pause)).setParameter("code", outcome.responseCode())
                    .setParameter("error", error).setParameter("id", message.id()).executeUpdate();
            counter("agora.outbound.failed", kind).increment();
            if (park) {
                counter("agora.outbound.parked", kind).increment();
                LOG.warnf("Outbound message %d to %s parked as failed after %d attempts: %s", message.id(),
                        message.channel(), failedAttempts, error);
            }
        });
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneScheduled() {
        try {
            prune();
        } catch (RuntimeException failed) {
            LOG.warnf("Outbound history could not be pruned now (will retry): %s", failed.getMessage());
        }
    }

    /** Deletes delivered and failed messages older than the retention; tells how many. */
    public int prune() {
        Instant cutoff = clock.instant().minus(settings.retention());
        return QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                "DELETE FROM outbound_messages WHERE status <> 'PENDING' AND created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private Counter counter(String name, String kind) {
        return counters.computeIfAbsent(name + "/" + kind,
                key -> Counter.builder(name).tag("channel", kind).register(metrics));
    }
}
