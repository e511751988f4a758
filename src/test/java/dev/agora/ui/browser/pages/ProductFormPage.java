package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The publish form (new product or edit). */
public class ProductFormPage {

    private static final By FORM = By.cssSelector(".product-form");
    private static final By NAME = By.cssSelector("#product-name input");

    private final Browser browser;

    public ProductFormPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(FORM);
    }

    public static ProductFormPage openNew(Browser browser) {
        browser.open("catalog/new");
        ProductFormPage form = new ProductFormPage(browser);
        browser.waitFor(NAME);
        return form;
    }

    public ProductFormPage name(String name) {
        type(browser.waitFor(NAME), name);
        return this;
    }

    public ProductFormPage classification(String value) {
        return choose("Classification", value);
    }

    public ProductFormPage description(String text) {
        type(browser.reach(By.cssSelector("#product-description textarea")), text);
        return this;
    }

    public ProductFormPage contact(String text) {
        type(field("Contact"), text);
        return this;
    }

    public ProductFormPage location(String location) {
        type(browser.reach(By.xpath("//vaadin-text-field[.//label[normalize-space(.)='Location']]//input")), location);
        return this;
    }

    public ProductFormPage readColumns() {
        browser.reach(By.cssSelector("vaadin-button.harvest")).click();
        browser.waitFor(By.cssSelector(".column-row"));
        return this;
    }

    public int columnRows() {
        return browser.driver().findElements(By.cssSelector(".column-row")).size();
    }

    /** The lines of the readiness checklist. */
    public List<String> checklist() {
        return browser.driver().findElements(By.cssSelector(".readiness-item")).stream()
                .map(item -> item.getAttribute("textContent").strip()).toList();
    }

    public boolean canSaveAndPublish() {
        WebElement button = button("Save and publish");
        return button.getAttribute("disabled") == null;
    }

    public ProductFormPage saveExpectingRefusal() {
        button("Save as draft").click();
        browser.waitFor(By.cssSelector("vaadin-notification-card"));
        return this;
    }

    public ProductPageView saveAndPublish() {
        button("Save and publish").click();
        return new ProductPageView(browser);
    }

    /** The error message shown under the field with this label, once one is shown. */
    public String errorOf(String label) {
        return browser.reach(By.xpath("//*[@invalid and .//label[normalize-space(.)='" + label + "']]"
                + "//div[@slot='error-message']")).getAttribute("textContent").strip();
    }

    private WebElement field(String label) {
        return browser.reach(By.xpath("//vaadin-text-field[.//label[normalize-space(.)='" + label + "']]//input"));
    }

    private ProductFormPage choose(String label, String value) {
        browser.reach(By.xpath("//vaadin-select[.//label[normalize-space(.)='" + label + "']]")).click();
        browser.chooseSelectItem(value);
        browser.waitUntilGone(By.cssSelector("vaadin-select-overlay[opened]"));
        return this;
    }

    private WebElement button(String text) {
        return browser.reach(By.xpath("//vaadin-button[normalize-space(.)='" + text + "']"));
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }
}
