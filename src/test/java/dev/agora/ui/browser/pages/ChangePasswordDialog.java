package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dialog of the user menu that changes one's own password. */
public class ChangePasswordDialog {

    private static final By DIALOG = By.cssSelector("vaadin-dialog-overlay");
    private static final By FIELDS = By.cssSelector("vaadin-dialog-overlay vaadin-password-field");
    private static final By SAVE = By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)='Change password']");
    private static final By NOTIFICATION = By.cssSelector("vaadin-notification-card");

    private final Browser browser;

    ChangePasswordDialog(Browser browser) {
        this.browser = browser;
        browser.waitFor(DIALOG);
    }

    public ChangePasswordDialog fillIn(String current, String next, String repeat) {
        String[] values = {current, next, repeat};
        var fields = browser.driver().findElements(FIELDS);
        for (int i = 0; i < values.length; i++) {
            WebElement input = fields.get(i).findElement(By.tagName("input"));
            input.clear();
            input.sendKeys(values[i]);
        }
        return this;
    }

    public ChangePasswordDialog save() {
        browser.driver().findElement(SAVE).click();
        return this;
    }

    /** The error message shown under the field with this label, once one is shown. */
    public String errorOf(String label) {
        By field = By.xpath("//vaadin-dialog-overlay//vaadin-password-field[@invalid and .//label[normalize-space(.)='"
                + label + "']]//div[@slot='error-message']");
        return browser.waitFor(field).getText();
    }

    public String notification() {
        return browser.waitFor(NOTIFICATION).getText();
    }

    public boolean isClosed() {
        return browser.waitUntilGone(DIALOG);
    }
}
