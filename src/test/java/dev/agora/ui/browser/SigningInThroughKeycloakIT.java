package dev.agora.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agora.platform.FreshTestDatabase;
import dev.agora.support.AgoraProcess;
import dev.agora.support.Keycloak;
import dev.agora.ui.browser.pages.ShellPage;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in through a real Keycloak, in Chromium, through Keycloak's own login page: the packaged Agora runs as a
 * process of its own with AGORA_OIDC_* pointing at the Keycloak of this test run ({@link Keycloak#shared()}).
 * Accounts open just in time; their groups become Agora's role and team memberships through group mappings;
 * Keycloak's word on groups and passwords is followed at every sign-in; sign-out ends Keycloak's session too.
 */
class SigningInThroughKeycloakIT {

    private static final String DATABASE = "agora_sso_browser";
    private static final By SSO_BUTTON = By.cssSelector("a.sso-sign-in");
    private static final By KEYCLOAK_USERNAME = By.id("username");
    private static final By KEYCLOAK_PASSWORD = By.id("password");
    private static final By KEYCLOAK_SUBMIT = By.id("kc-login");

    private static Keycloak keycloak;
    private static AgoraProcess agora;
    private static Browser browser;

    @BeforeAll
    static void startAgoraAgainstKeycloak() throws Exception {
        keycloak = Keycloak.shared();
        FreshTestDatabase.recreate(DATABASE);
        Map<String, String> environment = new HashMap<>(keycloak.agoraEnvironment());
        environment.put("AGORA_SESSION_KEY", "keycloak-spec-session-key-0123456789");
        agora = new AgoraProcess(DATABASE, Path.of("target", "sso-data-" + UUID.randomUUID()), environment).start();
        keycloak.allowAgoraAt(agora.port());
        // the demo seeds these mappings when single sign-on is configured; a PUT of an existing one is a 200
        for (String mapping : List.of(
                "{\"group\":\"agora-admins\",\"role\":\"ADMIN\"}",
                "{\"group\":\"sales-owners\",\"role\":\"OWNER\",\"team\":\"sales-analytics\"}",
                "{\"group\":\"sales-members\",\"role\":\"MEMBER\",\"team\":\"sales-analytics\"}",
                "{\"group\":\"sales-stewards\",\"role\":\"STEWARD\",\"domain\":\"sales\"}")) {
            assertThat(agora.put("/api/v1/admin/group-mappings", mapping, "admin", "agora-demo").statusCode())
                    .as(mapping).isIn(200, 201);
        }
        browser = Browser.start(new URL("http://localhost:" + agora.port() + "/"));
    }

    @AfterAll
    static void stopAgora() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (agora != null) {
            agora.close();
        }
        FreshTestDatabase.drop(DATABASE);
        System.out.println("Keycloak started in " + keycloak.startedIn().toSeconds() + " s for this test run");
    }

    @BeforeEach
    void aBrowserWithoutAnySession() {
        browser.open("q/health/live");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void signing_in_through_keycloak_opens_an_account_and_lands_on_the_page_asked_for() throws Exception {
        browser.open("requests");
        browser.waitForPath("/login");
        clickSignInWithKeycloak();
        signInAtKeycloak("marco", Keycloak.DEMO_PASSWORD);

        browser.waitForPath("/requests");
        new ShellPage(browser);
        // a local demo account "marco" exists: the provider's marco is another account, with a suffixed name
        Map<String, String> account = account(keycloak.userId("marco"));
        assertThat(account.get("username")).startsWith("marco-").isNotEqualTo("marco");
        assertThat(account.get("display_name")).isEqualTo("Marco Marketing");
        assertThat(account.get("kind")).isEqualTo("PERSON");
    }

    @Test
    void the_groups_claim_makes_an_admin_and_a_team_owner() throws Exception {
        signInThroughKeycloak("ada", Keycloak.DEMO_PASSWORD);
        browser.open("admin");
        assertThat(new ShellPage(browser).heading()).isEqualTo("Administration");
        assertThat(account(keycloak.userId("ada"))).containsEntry("platform_role", "ADMIN")
                .containsEntry("platform_role_source", "PROVIDER");

        aBrowserWithoutAnySession();
        signInThroughKeycloak("olivia", Keycloak.DEMO_PASSWORD);
        assertThat(memberships(keycloak.userId("olivia"))).containsExactly("sales-analytics OWNER PROVIDER");
        browser.open("admin");
        assertThat(browser.waitForText("You do not have access to this page")).doesNotContain("Administration");
    }

    @Test
    void a_membership_removed_in_keycloak_is_gone_at_the_next_sign_in() throws Exception {
        String subject = keycloak.createUser("sam", "sam-keycloak-pw", "sales-members", "sales-stewards");
        signInThroughKeycloak("sam", "sam-keycloak-pw");
        assertThat(memberships(subject)).containsExactly("sales-analytics MEMBER PROVIDER");
        assertThat(stewardships(subject)).containsExactly("sales PROVIDER");

        keycloak.removeFromGroup("sam", "sales-members");
        aBrowserWithoutAnySession();
        signInThroughKeycloak("sam", "sam-keycloak-pw");

        assertThat(memberships(subject)).isEmpty();
        assertThat(stewardships(subject)).containsExactly("sales PROVIDER");
    }

    @Test
    void a_wrong_password_is_refused_by_keycloak_and_opens_no_agora_session() {
        browser.open("login");
        clickSignInWithKeycloak();
        signInAtKeycloak("stella", "not-her-password");

        assertThat(browser.waitForText("Invalid username or password")).isNotNull();
        assertThat(browser.driver().getCurrentUrl()).startsWith(keycloak.issuer());
        browser.open("catalog");
        browser.waitForPath("/login");
        assertThat(browser.driver().manage().getCookieNamed("agora-session")).isNull();
    }

    @Test
    void signing_out_ends_the_keycloak_session_too() {
        ShellPage shell = signInThroughKeycloak("stella", Keycloak.DEMO_PASSWORD);
        shell.signOut();
        browser.waitForText("You are signed out.");

        clickSignInWithKeycloak();
        // Keycloak asks for the password again: its session ended with Agora's
        assertThat(browser.waitFor(KEYCLOAK_PASSWORD).isDisplayed()).isTrue();
        browser.open("catalog");
        browser.waitForPath("/login");
    }

    @Test
    void an_ended_session_goes_back_to_sign_in_and_then_to_the_page_the_person_was_on() {
        signInThroughKeycloak("olivia", Keycloak.DEMO_PASSWORD);
        // the Agora session ends (here: its ticket no longer holds, as after AGORA_SESSION_MAX_AGE) ...
        browser.driver().manage().deleteCookieNamed("agora-session");
        browser.driver().manage().addCookie(new org.openqa.selenium.Cookie("agora-session", "ended.ticket", "/"));
        browser.open("requests");
        browser.waitForPath("/login");

        // ... sign-in again goes through Keycloak's still open session without a password, back to the page
        clickSignInWithKeycloak();
        browser.waitForPath("/requests");
        new ShellPage(browser);
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
    }

    @Test
    void an_account_disabled_in_agora_cannot_get_in_through_keycloak() throws Exception {
        String subject = keycloak.createUser("dora", "dora-keycloak-pw");
        signInThroughKeycloak("dora", "dora-keycloak-pw");
        String username = account(subject).get("username");
        assertThat(agora.post("/api/v1/admin/users/" + username + "/disable", "", "admin", "agora-demo")
                .statusCode()).isEqualTo(204);

        // the session she has ends at once ...
        browser.open("catalog");
        browser.waitForPath("/login");
        // ... and Keycloak's still open session does not open a new one
        clickSignInWithKeycloak();
        browser.waitForPath("/login");
        assertThat(browser.waitForText("Agora refused the sign-in")).contains("disabled");
        assertThat(browser.driver().manage().getCookieNamed("agora-session")).isNull();
    }

    @Test
    void a_callback_that_does_not_match_the_sign_in_started_ends_on_the_login_page_with_a_message() {
        browser.open("login");
        clickSignInWithKeycloak();
        browser.waitFor(KEYCLOAK_USERNAME);
        // a forged or replayed callback: the state is not the one this browser's sign-in started with
        browser.open("sso/callback?code=forged-code&state=not-the-state");

        browser.waitForPath("/login");
        assertThat(browser.waitForText("Single sign-on did not complete")).doesNotContain("Exception");
        assertThat(browser.driver().manage().getCookieNamed("agora-session")).isNull();
    }

    private ShellPage signInThroughKeycloak(String username, String password) {
        browser.open("login");
        clickSignInWithKeycloak();
        signInAtKeycloak(username, password);
        browser.waitForPath("/");
        return new ShellPage(browser);
    }

    private void clickSignInWithKeycloak() {
        WebElement button = browser.waitFor(SSO_BUTTON);
        assertThat(button.getText()).isEqualTo("Sign in with Keycloak");
        button.click();
    }

    private void signInAtKeycloak(String username, String password) {
        WebElement user = browser.waitFor(KEYCLOAK_USERNAME);
        user.clear();
        user.sendKeys(username);
        browser.driver().findElement(KEYCLOAK_PASSWORD).sendKeys(password);
        browser.driver().findElement(KEYCLOAK_SUBMIT).click();
    }

    private static Map<String, String> account(String subject) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("""
                SELECT username, display_name, kind, platform_role, platform_role_source FROM users
                WHERE sso_issuer = ? AND sso_subject = ?""")) {
            query.setString(1, keycloak.issuer());
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("an account for subject " + subject).isTrue();
                Map<String, String> account = new HashMap<>();
                for (String column : List.of("username", "display_name", "kind", "platform_role",
                        "platform_role_source")) {
                    account.put(column, row.getString(column));
                }
                return account;
            }
        }
    }

    private static List<String> memberships(String subject) throws SQLException {
        return rows("""
                SELECT t.slug || ' ' || m.role || ' ' || m.source FROM team_memberships m
                JOIN teams t ON t.id = m.team_id JOIN users u ON u.id = m.user_id
                WHERE u.sso_issuer = ? AND u.sso_subject = ? ORDER BY 1""", subject);
    }

    private static List<String> stewardships(String subject) throws SQLException {
        return rows("""
                SELECT d.slug || ' ' || s.source FROM domain_stewards s
                JOIN domains d ON d.id = s.domain_id JOIN users u ON u.id = s.user_id
                WHERE u.sso_issuer = ? AND u.sso_subject = ? ORDER BY 1""", subject);
    }

    private static List<String> rows(String sql, String subject) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, keycloak.issuer());
            query.setString(2, subject);
            List<String> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
            return rows;
        }
    }

    private static Connection connect() throws SQLException {
        return FreshTestDatabase.connect(DATABASE);
    }
}
