package dev.agora.ui.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Debian Chromium driven through Selenium and Debian's chromedriver (nothing is downloaded).
 * One per test class: starting Chromium costs seconds on two cores.
 */
public final class Browser implements AutoCloseable {

    /**
     * Where screenshots go: target/screenshots as evidence of a test run; the README's pictures in docs/screenshots
     * are taken by {@link ReadmeTour} on a clean demo database ({@code ./mvnw -Pscreenshots test}).
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("agora.screenshots.dir", "target/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final Path profile;
    private final URL base;

    private Browser(WebDriver driver, Path profile, URL base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    public static Browser start(URL base) {
        System.setProperty("SE_OFFLINE", "true");
        try {
            Path profile = Files.createTempDirectory("agora-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File(binary("AGORA_CHROMIUM", "/usr/bin/chromium")));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--window-size=1366,900", "--lang=en-GB",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(binary("AGORA_CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1366, 900));
            return new Browser(driver, profile, base);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String binary(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured != null && !configured.isBlank() ? configured : fallback;
    }

    /** Opens a path of the application under test, such as "login" or "admin". */
    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + "/" + path.replaceFirst("^/", ""));
    }

    /** Forgets the session: the next page opened is seen as anonymous. */
    public void forgetSession() {
        open("q/health/live");
        driver.manage().deleteAllCookies();
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Picks an item of the open vaadin-select by its text: the overlay scrolls, so an item far down a long list
     * (many teams) is scrolled to before it is clicked.
     */
    public void chooseSelectItem(String text) {
        WebElement item = reach(By.xpath("//vaadin-select-item[normalize-space(.)='" + text + "']"));
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(item)).click();
    }

    /** Opens the tab of a TabSheet by its label (the admin console opens on its dashboard). */
    public void openTab(String label) {
        reach(By.xpath("//vaadin-tab[normalize-space(.)='" + label + "']")).click();
    }

    /**
     * Clicks the element as a script would, so that a notification lying over it for a few seconds does not take
     * the click; found afresh on each try, as a re-rendered view replaces its elements.
     */
    public void clickAsScript(By locator) {
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].click()",
                            d.findElement(locator));
                    return true;
                });
    }

    /**
     * Clicks the element (as a script would) until what it opens appears: a click that lands while a grid is still
     * re-rendering its rows can be lost with the row it was on. Tries every two seconds, so that a slow answer is not
     * clicked twice.
     */
    public void clickUntilShown(By target, By opened) {
        new WebDriverWait(driver, PATIENCE, java.time.Duration.ofSeconds(2))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(d -> {
                    if (!d.findElements(opened).isEmpty()) {
                        return true;
                    }
                    ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].click()",
                            d.findElement(target));
                    return false;
                });
    }

    /** Waits for the element to exist and scrolls it into the middle of the view, ready to be used. */
    public WebElement reach(By locator) {
        WebElement element = new WebDriverWait(driver, PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(locator));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    public boolean waitUntilGone(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the page's visible text contains the given text, and returns that text. */
    public String waitForText(String expected) {
        By body = By.tagName("body");
        String[] seen = new String[1];
        // a page that is still navigating (a redirect, a provider's login page) replaces its body under our feet
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    seen[0] = d.findElement(body).getText();
                    return seen[0].contains(expected);
                });
        return seen[0];
    }

    /** Waits until the condition holds; an element Vaadin re-rendered meanwhile is looked up again, not a failure. */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public void waitForPath(String path) {
        new WebDriverWait(driver, PATIENCE).until(d -> currentPath().equals(path));
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Saves what the browser shows to &lt;screenshots&gt;/&lt;name&gt;.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
