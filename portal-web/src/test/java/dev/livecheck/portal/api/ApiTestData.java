package dev.livecheck.portal.api;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.support.Sha256;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A business with a profile and an API application whose private key the test holds, made through the repositories. */
record ApiTestData(Businesses businesses, CheckProfiles profiles, ApiApplications applications) {

    /** One tenant's API access: its application and a client that signs with the application's key. */
    record Tenant(Business business, CheckProfile profile, ApiApplication application, KeyPair keys) {
        SignedApiClient client(String baseUrl) {
            return new SignedApiClient(baseUrl, application.id(), keys.getPrivate());
        }
    }

    /** RSA key generation costs ~100 ms; tests share one pair per JVM unless they need another key on purpose. */
    static final KeyPair SHARED_KEYS = SignedApiClient.newRsaKeyPair(2048);

    Tenant tenant(String name) {
        return tenant(name, SHARED_KEYS, List.of("https://shop.example.test"));
    }

    Tenant tenant(String name, KeyPair keys, List<String> allowedOrigins) {
        return tenant(name, keys, allowedOrigins, "test-secret-not-sealed");
    }

    /** @param sealedSecret the notification secret as stored: sealed with the portal's LinkSealer to be usable */
    Tenant tenant(String name, KeyPair keys, List<String> allowedOrigins, String sealedSecret) {
        Instant now = Instant.now();
        Business business = businesses.insert(Business.create(name, now));
        CheckProfile profile = profiles.insert(CheckProfile.create(business.id(), "API", "https://example.test/done",
                "Check for {name}", "Hello {name}, open {link} please.", now));
        byte[] publicKey = keys.getPublic().getEncoded();
        ApiApplication application = applications.insert(ApiApplication.create(business.id(), name + " app",
                profile.id(), Base64.getEncoder().encodeToString(publicKey), Sha256.hex(publicKey),
                allowedOrigins, sealedSecret, UUID.randomUUID(), now));
        return new Tenant(business, profile, application, keys);
    }
}
