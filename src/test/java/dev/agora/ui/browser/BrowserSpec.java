package dev.agora.ui.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Base of the browser specifications: one Chromium per class, pointed at the application under test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserSpec {

    @TestHTTPResource("/")
    URL base;

    protected Browser browser;

    @BeforeEach
    void startBrowserOnce() {
        if (browser == null) {
            browser = Browser.start(base);
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
