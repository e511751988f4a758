package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agora.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the identity provider finds the account by issuer and subject — never by e-mail or name — or
 * opens it at first sign-in; a local account of the same name stays another account; a disabled account stays out.
 */
@QuarkusTest
class SigningInThroughTheProviderSpec {

    @Inject
    SingleSignOn sso;

    @Inject
    Directory directory;

    @Inject
    LocalAccounts accounts;

    @Inject
    AccountAdministration administration;

    final ProviderIdentities provider = new ProviderIdentities();

    @Nested
    class The_first_sign_in {

        @Test
        void opens_an_account_with_the_name_and_e_mail_from_the_token() {
            String name = ProviderIdentities.unique("nora");
            SignedInAccount account = sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of()),
                    "browser");

            assertThat(account.username()).isEqualTo(name);
            assertThat(account.displayName()).isEqualTo("Name of " + name);
            assertThat(account.roles()).containsExactly(Roles.USER);
            AccountProfile profile = directory.profile(name).orElseThrow();
            assertThat(profile.email()).isEqualTo(name + "@example.org");
            assertThat(profile.memberships()).isEmpty();
        }

        @Test
        void gives_the_account_no_password_so_that_http_basic_never_lets_anyone_in() {
            String name = ProviderIdentities.unique("paul");
            sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of()), "browser");

            Api.as(name, "any-password-at-all").get("/api/v1/me").then().statusCode(401);
            Api.as(name, "").get("/api/v1/me").then().statusCode(401);
            assertThat(directory.users()).filteredOn(u -> u.username().equals(name)).singleElement()
                    .satisfies(u -> {
                        assertThat(u.localPassword()).isFalse();
                        assertThat(u.signsInWith()).containsExactly(Directory.WITH_SINGLE_SIGN_ON);
                        assertThat(u.kind()).isEqualTo(AccountKind.PERSON);
                        assertThat(u.ssoIssuer()).isEqualTo(provider.issuer);
                    });
        }

        @Test
        void of_two_at_once_for_one_person_opens_one_account() throws Exception {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("twin");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<CompletableFuture<SignedInAccount>> signIns = List.of(1, 2).stream()
                        .map(i -> CompletableFuture.supplyAsync(() -> {
                            await(start);
                            return sso.signIn(provider.person(subject, name, Set.of()), "browser");
                        }, pool))
                        .toList();
                start.countDown();
                List<String> usernames = signIns.stream().map(f -> f.join().username()).distinct().toList();

                assertThat(usernames).containsExactly(name);
                long accountsOfTheSubject = QuarkusTransaction.requiringNew().call(() ->
                        User.count("ssoIssuer = ?1 and ssoSubject = ?2", provider.issuer, subject));
                assertThat(accountsOfTheSubject).isEqualTo(1);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    @Nested
    class A_later_sign_in {

        @Test
        void of_the_same_subject_lands_in_the_same_account_though_e_mail_and_username_changed() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("rita");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");

            SignedInAccount again = sso.signIn(new ExternalIdentity(provider.issuer, subject, name + "-renamed",
                    "Rita Renamed", "rita.new@example.org", Optional.of(Set.of()), Optional.empty()), "browser");

            assertThat(again.username()).isEqualTo(name);
            AccountProfile profile = directory.profile(name).orElseThrow();
            assertThat(profile.displayName()).isEqualTo("Rita Renamed");
            assertThat(profile.email()).isEqualTo("rita.new@example.org");
            assertThat(directory.profile(name + "-renamed")).isEmpty();
        }

        @Test
        void of_another_subject_with_the_same_e_mail_opens_another_account() {
            String name = ProviderIdentities.unique("sam");
            SignedInAccount first = sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of()),
                    "browser");
            SignedInAccount second = sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of()),
                    "browser");

            assertThat(second.username()).isNotEqualTo(first.username()).startsWith(name + "-");
        }
    }

    @Nested
    class A_person_who_calls_themselves_like_a_pipeline {

        @Test
        void does_not_get_the_client_account_name() {
            String name = "client-etl-" + ProviderIdentities.subject().substring(0, 8);
            SignedInAccount account = sso.signIn(provider.person(ProviderIdentities.subject(), name, Set.of()),
                    "browser");

            assertThat(account.username()).matches(name + "-[0-9a-f]{6}");
        }
    }

    @Nested
    class A_local_account_of_the_same_name {

        @Test
        void stays_a_separate_account_and_the_provider_s_gets_a_suffixed_username() {
            String name = ProviderIdentities.unique("lena");
            accounts.open(new LocalAccounts.NewAccount(name, "Lena Local", null, "lenas-local-secret", null),
                    "admin");

            SignedInAccount fromProvider = sso.signIn(provider.person(ProviderIdentities.subject(), name,
                    Set.of()), "browser");

            assertThat(fromProvider.username()).isNotEqualTo(name).matches(name + "-[0-9a-f]{6}");
            assertThat(directory.profile(name).orElseThrow().displayName()).isEqualTo("Lena Local");
            Api.as(name, "lenas-local-secret").get("/api/v1/me").then().statusCode(200);
        }
    }

    @Nested
    class A_disabled_account {

        @Test
        void is_refused_at_sign_in_through_the_provider() {
            String subject = ProviderIdentities.subject();
            String name = ProviderIdentities.unique("dora");
            sso.signIn(provider.person(subject, name, Set.of()), "browser");
            administration.deactivate(name, "admin");

            assertThatThrownBy(() -> sso.signIn(provider.person(subject, name, Set.of()), "browser"))
                    .isInstanceOf(SingleSignOn.Refused.class)
                    .hasMessageContaining("'" + name + "' is disabled");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
