package dev.agora.access.following;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.access.application.TeamAnnouncement;
import dev.agora.audit.ChangeJournal;
import dev.agora.events.InProcessObserver;
import dev.agora.events.inprocess.PublishedEvent;
import dev.agora.identity.Directory;
import dev.agora.identity.LocalAccounts;
import dev.agora.identity.TeamRole;
import dev.agora.support.AccessRequestsApi;
import dev.agora.support.Api;
import dev.agora.support.Eventually;
import dev.agora.support.People;
import io.cloudevents.CloudEvent;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Followers hear of a product's new version, schema change and deprecation: each follower person and each member
 * of a follower team gets one notice behind the bell and one e-mail per change — also when following twice, also
 * when the event is delivered again — and the person who made the change is not told. Each follower team gets one
 * announcement for its chat channel.
 */
@QuarkusTest
class FollowersHearOfChangesSpec {

    @Inject
    LocalAccounts accounts;

    @Inject
    Directory directory;

    @Inject
    MockMailbox mailbox;

    @Inject
    RecordedAnnouncements announcements;

    @Inject
    InProcessObserver delivered;

    @Inject
    Event<PublishedEvent> redelivery;

    @Inject
    ChangeJournal journal;

    String product;
    String name;
    String ada;
    String bo;
    String cy;
    String dee;
    String team;

    /** ada follows personally, team "listeners" (bo, cy) for the team, cy also personally; the owner olivia too. */
    @BeforeEach
    void followers() {
        People people = new People(accounts, directory);
        product = AccessRequestsApi.freshProduct("INTERNAL");
        name = Api.as("olivia").get("/api/v1/products/" + product).then().extract().path("name");
        ada = people.person("ada");
        bo = people.person("bo");
        cy = people.person("cy");
        dee = people.person("dee");
        team = people.team("listeners", "marketing");
        people.member(team, bo, TeamRole.MEMBER).member(team, cy, TeamRole.OWNER);
        Api.as(ada).post(follow()).then().statusCode(201);
        Api.as(cy).post(follow()).then().statusCode(201);
        Api.as(bo).body(Map.of("team", team)).post(follow()).then().statusCode(201);
        Api.as("olivia").post(follow()).then().statusCode(201);
    }

    private String follow() {
        return "/api/v1/products/" + product + "/follow";
    }

    private List<Map<String, Object>> noticesOf(String person) {
        return Api.as(person).queryParam("size", "200").get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.product == '" + product + "' }");
    }

    private List<Map<String, Object>> awaitNotices(String person, int count) {
        return Eventually.within(Duration.ofSeconds(15), count + " notices of " + product + " for " + person,
                () -> noticesOf(person), notices -> notices.size() >= count);
    }

    private List<Mail> mailsTo(String person) {
        return mailbox.getMailsSentTo(person + "@example.com").stream()
                .filter(mail -> mail.getSubject().contains(name)).toList();
    }

    private List<Mail> awaitMails(String person, int count) {
        return Eventually.within(Duration.ofSeconds(10), count + " mails for " + person, () -> mailsTo(person),
                mails -> mails.size() >= count);
    }

    private void releaseVersion() {
        Api.as("olivia").body(Map.of("version", "2.0.0", "changelog", "Adds discounts\nper order line"))
                .post("/api/v1/products/" + product + "/versions").then().statusCode(201);
    }

    @Test
    void a_new_version_is_told_to_each_follower_once_and_not_to_whoever_released_it() {
        releaseVersion();

        List<Map<String, Object>> told = awaitNotices(ada, 1);
        assertThat(told).singleElement().satisfies(notice -> {
            assertThat(notice.get("message")).isEqualTo(name + " 2.0.0 was released: Adds discounts per order line");
            assertThat(notice.get("kind")).isEqualTo("NEW_VERSION");
        });
        assertThat(awaitNotices(bo, 1)).hasSize(1);
        assertThat(awaitNotices(cy, 1)).as("following personally and through a team, told once").hasSize(1);
        assertThat(awaitMails(ada, 1)).singleElement()
                .satisfies(mail -> assertThat(mail.getText()).contains("/catalog/" + product));
        assertThat(awaitMails(cy, 1)).hasSize(1);
        assertThat(noticesOf("olivia")).as("the actor").isEmpty();
        assertThat(noticesOf(dee)).as("not a follower").isEmpty();
        assertThat(mailsTo(cy)).hasSize(1);
    }

    @Test
    void an_event_delivered_again_tells_nobody_twice() {
        releaseVersion();
        awaitNotices(ada, 1);
        awaitMails(ada, 1);
        // the spec's observer may hear of the event just after the notices were told
        CloudEvent released = Eventually.within(Duration.ofSeconds(10), "the released event in-process",
                () -> delivered.about(product).stream()
                        .filter(event -> event.getType().equals("agora.product.version-released")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();

        redelivery.fire(new PublishedEvent(released));
        redelivery.fire(new PublishedEvent(released));

        assertThat(noticesOf(ada)).hasSize(1);
        assertThat(noticesOf(cy)).hasSize(1);
        assertThat(mailsTo(ada)).hasSize(1);
        assertThat(announcements.about(product).stream().map(TeamAnnouncement::dedupeKey).distinct())
                .containsExactly(released.getId() + ":" + team);
    }

    @Test
    void each_follower_team_is_announced_the_new_version_with_a_link_to_the_product() {
        releaseVersion();
        awaitNotices(bo, 1);

        TeamAnnouncement announcement = Eventually.within(Duration.ofSeconds(10), "an announcement",
                () -> announcements.about(product), fired -> !fired.isEmpty()).get(0);
        assertThat(announcement.team()).isEqualTo(team);
        assertThat(announcement.occasion()).isEqualTo(TeamAnnouncement.Occasion.NEW_VERSION);
        assertThat(announcement.headline()).isEqualTo(name + " 2.0.0 was released: Adds discounts per order line");
        assertThat(announcement.details()).isEqualTo("Adds discounts\nper order line");
        assertThat(announcement.linkPath()).isEqualTo("/catalog/" + product);
        assertThat(announcement.orderingKey()).isEqualTo(product);
        assertThat(announcements.about(product)).extracting(TeamAnnouncement::team).containsOnly(team);
    }

    @Test
    void a_deprecation_is_told_with_its_reason() {
        Api.as("olivia").body(Map.of("reason", "Use Sales orders v2 instead"))
                .post("/api/v1/products/" + product + "/deprecate").then().statusCode(200);

        assertThat(awaitNotices(ada, 1)).singleElement().satisfies(notice -> {
            assertThat(notice.get("message")).isEqualTo(name + " is deprecated: Use Sales orders v2 instead");
            assertThat(notice.get("kind")).isEqualTo("DEPRECATED");
        });
        assertThat(Eventually.within(Duration.ofSeconds(10), "an announcement", () -> announcements.about(product),
                fired -> !fired.isEmpty()).get(0).occasion()).isEqualTo(TeamAnnouncement.Occasion.DEPRECATED);
        assertThat(noticesOf("olivia")).isEmpty();
    }

    @Test
    void a_schema_change_is_told_port_by_port() {
        // what the catalog records when the columns of a port change
        QuarkusTransaction.requiringNew().run(() -> journal.record("olivia", "catalog.product.schema-changed",
                "data-product", product, Map.of("product", product, "version", "1.0.0", "ports", List.of(Map.of(
                        "port", "campaigns",
                        "added", List.of(Map.of("name", "discount", "type", "numeric")),
                        "removed", List.of(Map.of("name", "coupon", "type", "text")),
                        "changed", List.of())))));

        assertThat(awaitNotices(bo, 1)).singleElement().satisfies(notice -> {
            assertThat(notice.get("message"))
                    .isEqualTo(name + ": schema changed in port campaigns — added: discount; removed: coupon");
            assertThat(notice.get("kind")).isEqualTo("SCHEMA_CHANGED");
        });
        TeamAnnouncement announcement = Eventually.within(Duration.ofSeconds(10), "an announcement",
                () -> announcements.about(product), fired -> !fired.isEmpty()).get(0);
        assertThat(announcement.occasion()).isEqualTo(TeamAnnouncement.Occasion.SCHEMA_CHANGED);
        assertThat(noticesOf("olivia")).isEmpty();
    }
}
