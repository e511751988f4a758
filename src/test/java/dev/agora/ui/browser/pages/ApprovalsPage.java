package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The approver's inbox. */
public class ApprovalsPage {

    private final Browser browser;

    public ApprovalsPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(By.cssSelector(".approvals-view h2"));
    }

    public static ApprovalsPage open(Browser browser) {
        browser.open("approvals");
        return new ApprovalsPage(browser);
    }

    /** The product names of the waiting requests. */
    public List<String> waiting() {
        return browser.driver().findElements(By.cssSelector("#inbox vaadin-grid-cell-content a")).stream()
                .map(WebElement::getText).toList();
    }

    public RequestPageView open(String product) {
        browser.driver().findElements(By.cssSelector("#inbox vaadin-grid-cell-content a")).stream()
                .filter(link -> link.getText().equals(product))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no waiting request for " + product + " in " + waiting()))
                .click();
        return new RequestPageView(browser);
    }
}
