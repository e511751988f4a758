package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The catalog's search page: the search box, the facets and the result cards. */
public class CatalogPage {

    private static final By SEARCH_INPUT = By.cssSelector("#catalog-search input");
    private static final By CARD_TITLES = By.cssSelector(".product-card h3 a");
    private static final By SUMMARY = By.cssSelector(".result-summary");

    private final Browser browser;

    public CatalogPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(SEARCH_INPUT);
    }

    public static CatalogPage open(Browser browser) {
        browser.open("catalog");
        return new CatalogPage(browser);
    }

    /** Types the words into the search box and presses Enter. */
    public CatalogPage searchFor(String words) {
        WebElement input = browser.waitFor(SEARCH_INPUT);
        input.clear();
        input.sendKeys(words);
        input.sendKeys(Keys.ENTER);
        browser.waitForText("for “" + words + "”");
        return this;
    }

    public List<String> resultNames() {
        return browser.driver().findElements(CARD_TITLES).stream().map(WebElement::getText).toList();
    }

    public String summary() {
        return browser.waitFor(SUMMARY).getText();
    }

    /** The facet's choices as shown: "sales (3)". */
    public List<String> facetChoices(String facet) {
        return browser.driver().findElements(By.cssSelector("#facet-" + facet + " vaadin-checkbox")).stream()
                .map(WebElement::getText).map(String::trim).toList();
    }

    /** Ticks the facet value and waits for the results to follow. */
    public CatalogPage pickFacet(String facet, String value) {
        String before = summary();
        browser.driver().findElements(By.cssSelector("#facet-" + facet + " vaadin-checkbox")).stream()
                .filter(box -> box.getText().trim().startsWith(value + " ("))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + facet + " facet value " + value + " in "
                        + facetChoices(facet)))
                .findElement(By.tagName("input")).click();
        browser.waitUntil(d -> !summary().equals(before));
        return this;
    }

    /** The labels on the result card of this product, as shown ("INTERNAL", "Quality 92", "Quality issue"). */
    public List<String> badgesOf(String name) {
        WebElement card = browser.driver().findElements(By.cssSelector(".product-card")).stream()
                .filter(each -> each.findElement(By.cssSelector("h3 a")).getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result named " + name + " in " + resultNames()));
        return card.findElements(By.cssSelector("span[theme~='badge']")).stream().map(WebElement::getText)
                .map(String::trim).toList();
    }

    public ProductPageView openResult(String name) {
        browser.driver().findElements(CARD_TITLES).stream()
                .filter(link -> link.getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result named " + name + " in " + resultNames()))
                .click();
        return new ProductPageView(browser);
    }
}
