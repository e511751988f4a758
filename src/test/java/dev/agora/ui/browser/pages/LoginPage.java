package dev.agora.ui.browser.pages;

import dev.agora.ui.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The sign-in page (route "login"). */
public class LoginPage {

    private static final By FORM = By.tagName("vaadin-login-form");
    private static final By USERNAME = By.cssSelector("vaadin-login-form input[name='username']");
    private static final By PASSWORD = By.cssSelector("vaadin-login-form input[name='password']");
    private static final By SUBMIT = By.cssSelector("vaadin-login-form vaadin-button[slot='submit']");
    private static final By ERROR = By.cssSelector("vaadin-login-form-wrapper[error]");

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
        browser.waitFor(USERNAME);
    }

    public static LoginPage open(Browser browser) {
        browser.forgetSession();
        browser.open("login");
        return new LoginPage(browser);
    }

    public ShellPage signInAs(String username, String password) {
        submit(username, password);
        return new ShellPage(browser);
    }

    public LoginPage signInExpectingRefusal(String username, String password) {
        submit(username, password);
        browser.waitFor(ERROR);
        return new LoginPage(browser);
    }

    public boolean showsError() {
        return !browser.driver().findElements(ERROR).isEmpty();
    }

    public String errorText() {
        return browser.driver().findElement(FORM).getText();
    }

    private void submit(String username, String password) {
        WebElement user = browser.waitFor(USERNAME);
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.driver().findElement(PASSWORD);
        secret.clear();
        secret.sendKeys(password);
        browser.driver().findElement(SUBMIT).click();
    }
}
