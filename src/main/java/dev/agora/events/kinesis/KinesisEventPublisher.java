package dev.agora.events.kinesis;

import dev.agora.events.EventPublisher;
import dev.agora.platform.AwsClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts events on an Amazon Kinesis data stream with {@code PutRecords}: the CloudEvent in structured JSON as the
 * record's data, its {@code partitionkey} extension (the aggregate id) as the partition key. Requests stay within
 * the service's limits (500 records, 5 MiB, 1 MiB per record including its key); only the records that failed are
 * sent again, with backoff, a few times within one call, and what still fails is handed back as retryable.
 *
 * <p>Order per partition key: once an event of a key is not delivered, the later events of that key in the call are
 * not sent, or, when they were already in the same request, are reported not delivered, so that the relay sends
 * them again after the earlier one (at least once; consumers deduplicate by id).
 */
@ApplicationScoped
public class KinesisEventPublisher implements EventPublisher {

    /** The key of this publisher's delivery state. */
    public static final String NAME = "kinesis";
    static final int MAX_RECORDS_PER_REQUEST = 500;
    static final int MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
    static final int MAX_BYTES_PER_RECORD = 1024 * 1024;
    static final int MAX_PARTITION_KEY_LENGTH = 256;
    private static final Set<String> PASSING = Set.of("ProvisionedThroughputExceededException", "InternalFailure",
            "KMSThrottlingException");
    private static final Logger LOG = Logger.getLogger(KinesisEventPublisher.class);

    private final Optional<KinesisClient> kinesis;
    private final String stream;
    private final int retries;
    private final Duration backoff;
    private final Duration backoffCap;
    private final JsonFormat json = new JsonFormat();

    @Inject
    KinesisEventPublisher(AwsClients aws, KinesisSettings settings) {
        this(settings.stream().filter(name -> !name.isBlank())
                        .map(name -> aws.build(KinesisClient.builder(), settings.endpoint().map(URI::create))),
                settings.stream().orElse(""), settings.retries(), settings.backoff(), settings.backoffCap());
    }

    /** For a client built elsewhere (kinesalite, a test stub, a benchmark). */
    public KinesisEventPublisher(KinesisClient client, String stream, int retries, Duration backoff,
            Duration backoffCap) {
        this(Optional.of(client), stream, retries, backoff, backoffCap);
    }

    private KinesisEventPublisher(Optional<KinesisClient> kinesis, String stream, int retries, Duration backoff,
            Duration backoffCap) {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("agora.events.kinesis.retries must be between 0 and 20, was " + retries);
        }
        this.kinesis = stream.isBlank() ? Optional.empty() : kinesis;
        this.stream = stream;
        this.retries = retries;
        this.backoff = backoff;
        this.backoffCap = backoffCap;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return kinesis.isPresent();
    }

    @Override
    public List<Delivery> publish(List<CloudEvent> events) {
        Delivery[] deliveries = new Delivery[events.size()];
        KinesisClient client = kinesis.orElse(null);
        if (client == null) {
            for (int i = 0; i < events.size(); i++) {
                deliveries[i] = new Delivery(events.get(i).getId(), false, true,
                        "the Kinesis publisher is off: AGORA_EVENTS_KINESIS_STREAM is not set");
            }
            return List.of(deliveries);
        }
        Set<String> held = new HashSet<>();
        List<Outgoing> batch = new ArrayList<>();
        int batchBytes = 0;
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i);
            Object key = event.getExtension("partitionkey");
            String partitionKey = key == null ? "" : key.toString();
            if (partitionKey.isEmpty() || partitionKey.length() > MAX_PARTITION_KEY_LENGTH) {
                // an event without a usable key cannot be placed in order: refused for good
                deliveries[i] = new Delivery(event.getId(), false, false, "the event has "
                        + (partitionKey.isEmpty() ? "no partitionkey extension"
                        : "a partitionkey longer than " + MAX_PARTITION_KEY_LENGTH + " characters"));
                held.add(partitionKey);
                continue;
            }
            if (held.contains(partitionKey)) {
                deliveries[i] = heldBack(event);
                continue;
            }
            byte[] data = json.serialize(event);
            int size = data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BYTES_PER_RECORD) {
                deliveries[i] = new Delivery(event.getId(), false, false, "the event is " + size
                        + " bytes as a Kinesis record (data and partition key), more than Kinesis accepts ("
                        + MAX_BYTES_PER_RECORD + " bytes)");
                held.add(partitionKey);
                continue;
            }
            if (batch.size() == MAX_RECORDS_PER_REQUEST || batchBytes + size > MAX_BYTES_PER_REQUEST) {
                send(client, batch, deliveries, held);
                batch = new ArrayList<>();
                batchBytes = 0;
                if (held.contains(partitionKey)) {
                    deliveries[i] = heldBack(event);
                    continue;
                }
            }
            batch.add(new Outgoing(i, event.getId(), partitionKey, PutRecordsRequestEntry.builder()
                    .partitionKey(partitionKey).data(SdkBytes.fromByteArray(data)).build()));
            batchBytes += size;
        }
        if (!batch.isEmpty()) {
            send(client, batch, deliveries, held);
        }
        return List.of(deliveries);
    }

    /** One request's records, resending those that failed; fills their deliveries and the keys now held back. */
    private void send(KinesisClient client, List<Outgoing> batch, Delivery[] deliveries, Set<String> held) {
        List<Outgoing> pending = batch;
        Set<String> failedKeys = new HashSet<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            List<Outgoing> again = new ArrayList<>();
            boolean lastAttempt = attempt == retries;
            List<PutRecordsRequestEntry> entries = pending.stream().map(Outgoing::entry).toList();
            PutRecordsResponse response;
            try {
                response = client.putRecords(request -> request.streamName(stream).records(entries));
            } catch (InvalidArgumentException refused) {
                for (Outgoing record : pending) {
                    deliveries[record.index()] = new Delivery(record.eventId(), false, false,
                            "Kinesis refused the request: " + refused.getMessage());
                    failedKeys.add(record.partitionKey());
                }
                break;
            } catch (SdkException failed) {
                // the SDK has already retried throttling and network failures: the relay tries again later
                LOG.warnf("PutRecords to %s failed for %d records: %s", stream, pending.size(), failed.getMessage());
                for (Outgoing record : pending) {
                    deliveries[record.index()] = new Delivery(record.eventId(), false, true,
                            "PutRecords failed: " + failed.getMessage());
                    failedKeys.add(record.partitionKey());
                }
                break;
            }
            List<PutRecordsResultEntry> results = response.records();
            Set<String> resentKeys = new HashSet<>();
            for (int r = 0; r < pending.size(); r++) {
                Outgoing record = pending.get(r);
                PutRecordsResultEntry result = r < results.size() ? results.get(r) : null;
                if (result != null && result.errorCode() == null) {
                    if (resentKeys.contains(record.partitionKey())) {
                        // put, but ahead of an earlier event of its key that is sent again: sent again after it
                        again.add(record);
                        deliveries[record.index()] = heldBack(record.eventId(), record.partitionKey());
                    } else {
                        deliveries[record.index()] = new Delivery(record.eventId(), true, false, null);
                    }
                    continue;
                }
                String code = result == null ? "NoResult" : result.errorCode();
                boolean passing = result == null || PASSING.contains(code);
                String reason = code + (result == null || result.errorMessage() == null ? ""
                        : ": " + result.errorMessage());
                if (passing && !lastAttempt) {
                    again.add(record);
                    resentKeys.add(record.partitionKey());
                    deliveries[record.index()] = new Delivery(record.eventId(), false, true, reason);
                } else {
                    deliveries[record.index()] = new Delivery(record.eventId(), false, passing, reason);
                    failedKeys.add(record.partitionKey());
                }
            }
            pending = again;
        }
        // a later record of a failed key that Kinesis accepted would overtake it: reported not delivered
        for (Outgoing record : batch) {
            Delivery delivery = deliveries[record.index()];
            if (failedKeys.contains(record.partitionKey()) && delivery.delivered()
                    && laterThanAFailureOfItsKey(record, batch, deliveries)) {
                deliveries[record.index()] = new Delivery(record.eventId(), false, true,
                        "held back: an earlier event of partition key " + record.partitionKey()
                                + " was not delivered (this one was put and will be put again)");
            }
        }
        held.addAll(failedKeys);
    }

    private static boolean laterThanAFailureOfItsKey(Outgoing record, List<Outgoing> batch, Delivery[] deliveries) {
        for (Outgoing earlier : batch) {
            if (earlier.index() >= record.index()) {
                return false;
            }
            if (earlier.partitionKey().equals(record.partitionKey()) && !deliveries[earlier.index()].delivered()) {
                return true;
            }
        }
        return false;
    }

    private static Delivery heldBack(CloudEvent event) {
        return heldBack(event.getId(), String.valueOf(event.getExtension("partitionkey")));
    }

    private static Delivery heldBack(String eventId, String partitionKey) {
        return new Delivery(eventId, false, true, "held back: an earlier event of partition key " + partitionKey
                + " was not delivered");
    }

    private void pause(int attempt) {
        long capMillis = backoffCap.toMillis();
        long ceiling = Math.min(capMillis, backoff.toMillis() << Math.min(attempt - 1, 20));
        if (ceiling <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        kinesis.ifPresent(KinesisClient::close);
    }

    private record Outgoing(int index, String eventId, String partitionKey, PutRecordsRequestEntry entry) {}
}
