package dev.agora.events;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

/**
 * A publisher of the specs (off unless a spec switches it on): for the aggregates a spec watches it fails attempts
 * as scripted and records every attempt; like the real publishers it stops an aggregate at its first failure in a
 * call (the later events of that aggregate are held back, not attempted). It also notes when one aggregate is ever
 * in flight in two calls at once (two relays). Events of other aggregates are delivered at once and not recorded.
 */
@ApplicationScoped
public class ScriptedPublisher implements EventPublisher {

    public static final String NAME = "scripted";

    /** One attempt at one event. */
    public record Attempt(String id, String subject, boolean delivered) {}

    private volatile boolean enabled;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    /** (event id, how many attempts it had before this one) → fail this attempt? */
    private volatile BiPredicate<String, Integer> fails = (id, before) -> false;
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> overlaps = new ArrayList<>();
    private final List<List<String>> calls = new ArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    public void start(Set<String> aggregates, BiPredicate<String, Integer> failing) {
        synchronized (attempts) {
            attempts.clear();
            overlaps.clear();
            calls.clear();
        }
        attemptsById.clear();
        watched.clear();
        watched.addAll(aggregates);
        fails = failing;
        enabled = true;
    }

    public void failing(BiPredicate<String, Integer> failing) {
        fails = failing;
    }

    public void stop() {
        enabled = false;
        watched.clear();
    }

    public List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The ids of the watched events handed over in each call, in the order of the call. */
    public List<List<String>> calls() {
        synchronized (attempts) {
            return List.copyOf(calls);
        }
    }

    public List<String> overlaps() {
        synchronized (attempts) {
            return List.copyOf(overlaps);
        }
    }

    @Override
    public List<Delivery> publish(List<CloudEvent> events) {
        List<Delivery> deliveries = new ArrayList<>();
        Set<String> entered = new java.util.LinkedHashSet<>();
        try {
            for (CloudEvent event : events) {
                String subject = event.getSubject();
                if (watched.contains(subject) && entered.add(subject)
                        && inFlight.computeIfAbsent(subject, key -> new AtomicInteger()).incrementAndGet() > 1) {
                    synchronized (attempts) {
                        overlaps.add(subject + " " + event.getId());
                    }
                }
            }
            List<String> call = events.stream().filter(event -> watched.contains(event.getSubject()))
                    .map(CloudEvent::getId).toList();
            if (!call.isEmpty()) {
                synchronized (attempts) {
                    calls.add(call);
                }
            }
            pause();
            Set<String> failed = new java.util.HashSet<>();
            for (CloudEvent event : events) {
                String subject = event.getSubject();
                if (!watched.contains(subject)) {
                    deliveries.add(new Delivery(event.getId(), true, false, null));
                    continue;
                }
                if (failed.contains(subject)) {
                    deliveries.add(new Delivery(event.getId(), false, true, "an earlier event of its aggregate failed"));
                    continue;
                }
                int before = attemptsById.computeIfAbsent(event.getId(), key -> new AtomicInteger()).getAndIncrement();
                boolean delivered = !fails.test(event.getId(), before);
                synchronized (attempts) {
                    attempts.add(new Attempt(event.getId(), subject, delivered));
                }
                if (!delivered) {
                    failed.add(subject);
                }
                deliveries.add(new Delivery(event.getId(), delivered, true, delivered ? null : "scripted failure"));
            }
            return deliveries;
        } finally {
            entered.forEach(subject -> inFlight.get(subject).decrementAndGet());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
