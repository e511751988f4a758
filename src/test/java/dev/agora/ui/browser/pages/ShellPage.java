package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The signed-in shell: side navigation, user menu and the view in the middle. */
public class ShellPage {

    private static final By LAYOUT = By.tagName("vaadin-app-layout");
    private static final By NAV_ITEMS = By.cssSelector("vaadin-side-nav.main-nav vaadin-side-nav-item");
    private static final By USER_MENU = By.cssSelector("vaadin-menu-bar.user-menu vaadin-menu-bar-button");
    private static final By MENU_ITEMS = By.cssSelector("vaadin-menu-bar-item");
    private static final By HEADING = By.cssSelector("vaadin-app-layout h2");

    private final Browser browser;

    public ShellPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(LAYOUT);
        browser.waitFor(HEADING);
    }

    /** The titles in the side navigation, in order. */
    public List<String> navigation() {
        return browser.driver().findElements(NAV_ITEMS).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** Clicks an item of the side navigation and waits until its view is shown. */
    public ShellPage navigateTo(String title) {
        WebElement item = browser.driver().findElements(NAV_ITEMS).stream()
                .filter(candidate -> candidate.getText().trim().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no navigation item '" + title + "' in " + navigation()));
        String itemPath = item.getDomAttribute("path");
        String path = "/" + itemPath.replaceFirst("^/", "");
        item.click();
        browser.waitForPath(path);
        browser.waitFor(By.cssSelector("vaadin-side-nav-item[current][path='" + itemPath + "']"));
        return new ShellPage(browser);
    }

    public String heading() {
        return browser.waitFor(HEADING).getText();
    }

    public String pageText() {
        return browser.driver().findElement(LAYOUT).getText();
    }

    public LoginPage signOut() {
        chooseFromUserMenu("Sign out");
        browser.waitForPath("/login");
        return new LoginPage(browser);
    }

    public ChangePasswordDialog openChangePassword() {
        chooseFromUserMenu("Change password");
        return new ChangePasswordDialog(browser);
    }

    public ApiTokensDialog openApiTokens() {
        chooseFromUserMenu("API tokens");
        return new ApiTokensDialog(browser);
    }

    private void chooseFromUserMenu(String choice) {
        browser.waitFor(USER_MENU).click();
        browser.waitFor(MENU_ITEMS);
        browser.driver().findElements(MENU_ITEMS).stream()
                .filter(item -> item.getText().trim().equals(choice))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + choice + "' in the user menu"))
                .click();
    }
}
