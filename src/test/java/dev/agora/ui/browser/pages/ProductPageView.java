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

    public boolean offersToRequestAccess() {
        return !browser.driver().findElements(By.id("request-access")).isEmpty();
    }
}
