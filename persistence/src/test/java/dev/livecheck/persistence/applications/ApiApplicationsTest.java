package dev.livecheck.persistence.applications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.persistence.DatabaseTest;
import dev.livecheck.persistence.Fixtures;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.support.Sha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API applications and their nonces on the selected database (H2, or PostgreSQL with -Ppostgres): revocation and
 * last-use are conditional and tenant-scoped, and a nonce is accepted once per application, also when four threads
 * present it at the same moment, while another application may use the same value.
 */
@Import(ApiNonces.class)
class ApiApplicationsTest extends DatabaseTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ApiApplications applications;
    @Autowired
    ApiNonces nonces;

    private ApiApplication application(Business business) {
        CheckProfile profile = fixtures.profile(business);
        byte[] key = UUID.randomUUID().toString().getBytes();
        return applications.insert(ApiApplication.create(business.id(), "App", profile.id(),
                java.util.Base64.getEncoder().encodeToString(key), Sha256.hex(key),
                List.of("https://shop.example"), "sealed", UUID.randomUUID(), Fixtures.NOW));
    }

    @Test
    void revocationAndLastUseAreScopedAndConditional() {
        Business a = fixtures.business("A");
        Business b = fixtures.business("B");
        ApiApplication app = application(a);

        assertThat(applications.findBySdkId(app.id())).get().extracting(ApiApplication::allowedOriginList)
                .isEqualTo(List.of("https://shop.example"));
        assertThat(applications.revoke(b.id(), app.id(), Fixtures.NOW)).isZero();
        assertThat(applications.markUsed(a.id(), app.id(), Fixtures.NOW, Fixtures.NOW.minusSeconds(60))).isOne();
        assertThat(applications.markUsed(a.id(), app.id(), Fixtures.NOW.plusSeconds(10), Fixtures.NOW.minusSeconds(50)))
                .as("used again within the minute: the row is spared").isZero();
        assertThat(applications.revoke(a.id(), app.id(), Fixtures.NOW)).isOne();
        assertThat(applications.revoke(a.id(), app.id(), Fixtures.NOW)).isZero();
        assertThat(applications.findByBusinessIdAndId(a.id(), app.id())).get()
                .satisfies(found -> assertThat(found.active()).isFalse());
        assertThat(applications.findByBusinessIdAndId(b.id(), app.id())).isEmpty();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aNonceIsAcceptedOncePerApplicationEvenFromFourThreadsAtOnce() throws Exception {
        Business a = fixtures.inNewTransaction(() -> fixtures.business("Nonce A " + UUID.randomUUID()));
        Business b = fixtures.inNewTransaction(() -> fixtures.business("Nonce B " + UUID.randomUUID()));
        ApiApplication appA = fixtures.inNewTransaction(() -> application(a));
        ApiApplication appB = fixtures.inNewTransaction(() -> application(b));
        String nonce = UUID.randomUUID().toString();

        CountDownLatch go = new CountDownLatch(1);
        Callable<Boolean> claim = () -> {
            go.await();
            return nonces.claim(a.id(), appA.id(), nonce, Fixtures.NOW);
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                results.add(threads.submit(claim));
            }
            go.countDown();
            List<Boolean> accepted = new ArrayList<>();
            for (Future<Boolean> result : results) {
                accepted.add(result.get());
            }
            assertThat(accepted).containsOnlyOnce(true);
        } finally {
            threads.shutdownNow();
        }
        assertThat(nonces.claim(b.id(), appB.id(), nonce, Fixtures.NOW)).as("another application's nonce").isTrue();
        assertThat(nonces.claim(b.id(), appA.id(), UUID.randomUUID().toString(), Fixtures.NOW))
                .as("an application of another business records nothing").isFalse();
        assertThat(nonces.purgeSeenBefore(Fixtures.NOW.plus(Duration.ofMinutes(11)))).isGreaterThanOrEqualTo(2);
        assertThat(nonces.claim(a.id(), appA.id(), nonce, Fixtures.NOW.plus(Duration.ofMinutes(11))))
                .as("purged after the window: the timestamp check refuses it by then").isTrue();
    }
}
