package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import org.openqa.selenium.By;

/** One access request's page. */
public class RequestPageView {

    private static final By STATUS = By.cssSelector(".request-page .request-status");

    private final Browser browser;

    public RequestPageView(Browser browser) {
        this.browser = browser;
        browser.waitFor(By.cssSelector(".request-page h2"));
    }

    public String status() {
        return browser.waitFor(STATUS).getText();
    }

    public String text() {
        return browser.driver().findElement(By.cssSelector(".request-page")).getText();
    }

    public String path() {
        return browser.currentPath();
    }

    /** Approves through the page's dialog. */
    public RequestPageView approve(String comment) {
        browser.reach(By.id("approve")).click();
        browser.reach(By.xpath("//vaadin-dialog-overlay//vaadin-text-area//textarea")).sendKeys(comment);
        browser.reach(By.id("confirm-approve")).click();
        browser.waitUntil(d -> !status().equals("Pending"));
        return new RequestPageView(browser);
    }

    /** Reloads until the request shows the status (grants are applied just after an approval). */
    public RequestPageView awaitStatus(String status) {
        browser.waitUntil(d -> {
            d.navigate().refresh();
            new RequestPageView(browser);
            return status().equals(status);
        });
        return new RequestPageView(browser);
    }
}
