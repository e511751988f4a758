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
        WebElement link = browser.driver().findElements(By.cssSelector("#inbox vaadin-grid-cell-content a")).stream()
                .filter(candidate -> candidate.getText().equals(product))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no waiting request for " + product + " in " + waiting()));
        // in a long inbox (other specs' requests in the shared database) the row may be below the fold
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
        link.click();
        return new RequestPageView(browser);
    }
}
