package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dialog of personal API tokens: from the user menu (with the form) or the console's users grid. */
public class ApiTokensDialog {

    private static final By DIALOG = By.cssSelector("vaadin-dialog-overlay");
    private static final By GRID = By.id("tokens-grid");
    private static final By CELLS = By.cssSelector("#tokens-grid vaadin-grid-cell-content");
    private static final By SECRET = By.cssSelector("#new-token-secret input");
    private static final By CREATE = By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)='Create token']");
    private static final By CLOSE = By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)='Close']");
    private static final By NOTIFICATION = By.cssSelector("vaadin-notification-card");

    private final Browser browser;

    public ApiTokensDialog(Browser browser) {
        this.browser = browser;
        browser.waitFor(DIALOG);
        browser.waitFor(GRID);
    }

    public ApiTokensDialog create(String name, int days) {
        type(By.cssSelector("#new-token-name input"), name);
        type(By.cssSelector("#new-token-days input"), Integer.toString(days));
        browser.driver().findElement(CREATE).click();
        return this;
    }

    /** The secret of the token just created, as the dialog shows it (once). */
    public String secret() {
        return browser.waitFor(SECRET).getDomProperty("value");
    }

    public boolean showsASecret() {
        return !browser.driver().findElements(SECRET).isEmpty();
    }

    /** The texts of the grid's cells, headers included. */
    public List<String> cells() {
        return browser.driver().findElements(CELLS).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** Waits until the grid shows the text in one of its cells. */
    public ApiTokensDialog waitForCell(String text) {
        browser.waitUntil(driver -> cells().contains(text));
        return this;
    }

    /** Revokes the (only) token listed, confirming in the dialog that asks, and returns the notification. */
    public String revokeTheToken() {
        browser.driver().findElement(By.xpath("//*[@id='tokens-grid']//vaadin-button[normalize-space(.)='Revoke']"))
                .click();
        browser.waitFor(By.id("confirm-revoke")).click();
        return browser.waitFor(NOTIFICATION).getText();
    }

    public void close() {
        browser.driver().findElement(CLOSE).click();
        browser.waitUntilGone(GRID);
    }

    private void type(By locator, String text) {
        WebElement input = browser.waitFor(locator);
        input.clear();
        input.sendKeys(text);
    }
}
