package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /dashboard}: counts by state and by latest recommendation, recent sessions, the pass-rate chart. */
public final class DashboardPage extends PortalPage {

    private DashboardPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    public static DashboardPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/dashboard");
        return expect(driver, baseUrl);
    }

    static DashboardPage expect(WebDriver driver, String baseUrl) {
        DashboardPage page = new DashboardPage(driver, baseUrl);
        page.waitForPath("/dashboard");
        page.visible(By.id("state-counts"));
        return page;
    }

    /** Sessions in a state (ONGOING, COMPLETED, EXPIRED, ...). */
    public int sessionsIn(String state) {
        return Integer.parseInt(visible(By.id("state-" + state)).getText().strip());
    }

    /** Sessions whose latest attempt ended with a recommendation (APPROVE, REJECT, NOT_AVAILABLE). */
    public int sessionsWithLatest(String recommendation) {
        return Integer.parseInt(visible(By.id("recommendation-" + recommendation)).getText().strip());
    }

    /** The recent-sessions row of a recipient: name, state, latest recommendation, attempts. */
    public String recentRowOf(String recipientName) {
        return visible(By.xpath("//table[@id='recent-sessions']//tr[td/a[normalize-space()='" + recipientName
                + "']]")).getText();
    }

    /** Waits until the pass-rate chart has been drawn from its JSON. */
    public DashboardPage waitForChart() {
        waiting(PAGE_LOAD).until(d -> "drawn".equals(
                d.findElement(By.id("pass-rate-chart")).getDomAttribute("data-state")));
        return this;
    }

    public SessionReportPage openRecentReport(String recipientName) {
        visible(By.xpath("//table[@id='recent-sessions']//a[normalize-space()='" + recipientName + "']")).click();
        return SessionReportPage.expect(driver, baseUrl);
    }
}
