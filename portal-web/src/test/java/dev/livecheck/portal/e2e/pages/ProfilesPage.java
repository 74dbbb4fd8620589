package dev.livecheck.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** {@code /profiles}: the business's check profiles. */
public final class ProfilesPage extends PortalPage {

    private ProfilesPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static ProfilesPage expect(WebDriver driver, String baseUrl) {
        ProfilesPage page = new ProfilesPage(driver, baseUrl);
        page.waitForPath("/profiles");
        page.visible(By.tagName("table"));
        return page;
    }

    /** The flash message after a save, or null. */
    public String flash() {
        var flash = driver.findElements(By.cssSelector("main > .alert-success"));
        return flash.isEmpty() ? null : flash.get(0).getText();
    }

    /** The table row of a profile, as text. */
    public String rowOf(String name) {
        return visible(By.xpath("//table//tr[td[normalize-space()='" + name + "'] or td/*[normalize-space()='"
                + name + "']]")).getText();
    }
}
