package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A data product's page. */
public class ProductPageView {

    private static final By NAME = By.cssSelector(".product-header h2");

    private final Browser browser;

    public ProductPageView(Browser browser) {
        this.browser = browser;
        browser.waitFor(NAME);
    }

    public String name() {
        return browser.waitFor(NAME).getText();
    }

    public String text() {
        return browser.driver().findElement(By.cssSelector(".product-page")).getText();
    }

    /** The column names of the product's ports, as listed in their schema tables. */
    public List<String> columnNames() {
        return browser.driver().findElements(By.cssSelector(".port vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    /** Records a new version through the page's dialog and waits for the page to show it. */
    public ProductPageView recordVersion(String version, String changelog) {
        browser.reach(By.xpath("//vaadin-button[normalize-space(.)='New version']")).click();
        fill("Version", "vaadin-text-field", "input", version);
        fill("What changed", "vaadin-text-area", "textarea", changelog);
        browser.reach(By.xpath("//vaadin-button[normalize-space(.)='Record version']")).click();
        browser.waitForText("v" + version);
        return new ProductPageView(browser);
    }

    public ProductPageView deprecate(String reason) {
        browser.reach(By.xpath("//vaadin-button[normalize-space(.)='Deprecate']")).click();
        fill("Why, and what consumers should use instead", "vaadin-text-area", "textarea", reason);
        browser.reach(By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)='Deprecate']")).click();
        browser.waitForText("Deprecated: " + reason);
        return new ProductPageView(browser);
    }

    private void fill(String label, String component, String input, String value) {
        WebElement field = browser.reach(By.xpath("//vaadin-dialog-overlay//" + component
                + "[.//label[normalize-space(.)='" + label + "']]//" + input));
        field.sendKeys(value);
    }

    /** Requests access through the dialog of the page; lands on the new request's page. */
    public RequestPageView requestAccess(String justification, int days) {
        browser.reach(By.id("request-access")).click();
        WebElement why = browser.reach(By.cssSelector("#justification textarea"));
        why.sendKeys(justification);
        WebElement duration = browser.reach(By.xpath("//vaadin-integer-field[.//label[normalize-space(.)="
                + "'For how many days']]//input"));
        duration.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        duration.sendKeys(Integer.toString(days));
        browser.screenshot("request-access-dialog");
        browser.reach(By.id("send-request")).click();
        return new RequestPageView(browser);
    }

    public boolean offersToRequestAccess() {
        return !browser.driver().findElements(By.id("request-access")).isEmpty();
    }
}
