package dev.livecheck.portal.setup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Unattended installs: with all three set (e.g. LIVECHECK_BOOTSTRAP_OWNER_PASSWORD), the first business and its OWNER
 * are created at startup if no business exists yet. The owner's display name is the e-mail's local part.
 */
@ConfigurationProperties("livecheck.bootstrap")
record BootstrapProperties(String businessName, String ownerEmail, String ownerPassword) {

    boolean isComplete() {
        return present(businessName) && present(ownerEmail) && present(ownerPassword);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
