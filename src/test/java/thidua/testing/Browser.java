package thidua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium from Debian's {@code chromium} package, driven through
 * {@code chromium-driver}: both paths are given, so Selenium downloads nothing. Files the
 * page downloads land in {@link #downloads()}; screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Selenium has no CDP build for every Chromium; WebDriver itself, all these tests use, works regardless. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
    /** How long a page may take to come, on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final WebDriver driver;
    private final Path downloads;

    private Browser(WebDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** A fresh browser (its own profile: no cookies) with a window of a desktop's size, or a phone's. */
    public static Browser start(Path downloads, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The browser tests need Debian's chromium and chromium-driver "
                    + "(/usr/bin/chromium, /usr/bin/chromedriver): run ./test.sh, which installs them, "
                    + "or apt-get install chromium chromium-driver");
        }
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=vi-VN", "--no-first-run",
                "--disable-extensions", "--disable-background-networking",
                // Nothing a page test needs: no component updates, sync, crash reports, phishing checks or
                // translation, and pages of one site in few processes (the tests share two cores).
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-breakpad",
                "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--metrics-recording-only",
                "--no-default-browser-check", "--password-store=basic", "--mute-audio", "--renderer-process-limit=1",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                        + "CertificateTransparencyComponentUpdater,site-per-process,IsolateOrigins");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, downloads);
    }

    /** Forgets who was signed in (every cookie of the site gone), as a fresh browser would. */
    public void signOut() {
        driver.manage().deleteAllCookies();
    }

    public WebDriver driver() {
        return driver;
    }

    public Path downloads() {
        return downloads;
    }

    /**
     * Clicks a button or link that loads another page, and waits until that page has replaced
     * this one and finished loading (under load the old page may still be there for a while).
     */
    public static void clickToLeave(WebDriver d, WebElement control) {
        WebElement page = d.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(d, WAIT).until(driver -> gone(page));
        awaitLoaded(d);
    }

    /**
     * True once {@code element}'s page has been replaced. Chromium says so with a stale element
     * or, when asked while the old document is being torn down, with an inspector error that
     * the node "does not belong to the document" (seen on a loaded machine).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until the current page has finished loading. */
    public static void awaitLoaded(WebDriver d) {
        new WebDriverWait(d, WAIT).ignoring(StaleElementReferenceException.class).until(driver ->
                "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Opens {@code url} and waits until it has loaded. */
    public static void open(WebDriver d, String url) {
        d.get(url);
        awaitLoaded(d);
    }

    /** The element {@code by} finds, waited for (a page still being built, or replaced meanwhile). */
    public static WebElement find(WebDriver d, By by) {
        return new WebDriverWait(d, WAIT).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class).until(driver -> driver.findElement(by));
    }

    /** What the current page's body says, read again if the page was replaced while reading. */
    public static String text(WebDriver d) {
        awaitLoaded(d);
        return new WebDriverWait(d, WAIT).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.tagName("body")).getText());
    }

    /** Saves what the page shows as target/screenshots/NAME.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, not only what the window shows (the window grows to the page's height for it). */
    public Path screenshotWholePage(String name) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight;");
        int h = Math.min(((Number) height).intValue() + 140, 8000);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), Math.max(h, before.getHeight())));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Waits for a file ending in {@code suffix} to finish downloading. */
    public Path awaitDownload(String suffix, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            // Chromium reserves the final name with an empty file and writes into a .crdownload
            // beside it: the download is done when that one is gone and the file has its bytes.
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                List<Path> done = all.stream().filter(p -> p.getFileName().toString().endsWith(suffix))
                        .filter(p -> p.toFile().length() > 0).toList();
                boolean writing = all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                if (!done.isEmpty() && !writing) {
                    return done.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no download ending in " + suffix + " within " + timeout + " in " + downloads);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
