package dev.agora.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import org.junit.jupiter.api.Test;

/**
 * AGORA_LOCAL_ACCOUNTS=false: no password opens an account, on the login form or over HTTP Basic alike (both ask
 * {@link LocalAccountIdentityProvider}); the refusal comes before any account is looked up or password hashed.
 */
class LocalAccountsSwitchedOffSpec {

    @Test
    void no_password_opens_an_account_when_local_accounts_are_switched_off() {
        // nothing but the switch: a provider that got as far as the accounts, throttle or audit would fail here
        LocalAccountIdentityProvider provider = new LocalAccountIdentityProvider(null, null, null, null, null, null,
                () -> false);

        Throwable refused = provider.authenticate(new UsernamePasswordAuthenticationRequest("admin",
                new PasswordCredential("agora-demo".toCharArray())), null).onItem().transform(identity -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure).await().indefinitely();

        assertThat(refused).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("local accounts are switched off");
    }
}
