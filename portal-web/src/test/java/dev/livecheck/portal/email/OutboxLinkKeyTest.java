package dev.livecheck.portal.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.security.PortalPrincipal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A pending e-mail whose link was sealed under another link key (the key file was lost, or a node ran without the
 * shared livecheck.link-key) must not take the outbox page down: the page lists it, says why its link is missing, and
 * still shows every other link.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:outbox-key;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OutboxLinkKeyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApplicationContext context;
    @Autowired
    Outbox outbox;

    Business business;
    PortalPrincipal admin;
    CheckProfile profile;

    @BeforeEach
    void tenant() {
        TestData data = new TestData(context);
        business = data.business("Key " + UUID.randomUUID());
        admin = data.user(business, Role.ADMIN);
        profile = data.profile(business);
    }

    @Test
    void aLinkSealedUnderAnotherKeyIsReportedAndTheOtherLinksStillShow() throws Exception {
        mvc.perform(post("/sessions").with(user(admin)).with(csrf()).param("recipientName", "Rita")
                        .param("recipientEmail", "rita@example.test").param("profileId", profile.id().toString()))
                .andExpect(status().is3xxRedirection());
        // What another key's seal looks like to this key: 12 bytes IV plus ciphertext and tag that do not authenticate.
        byte[] foreign = new byte[12 + 60];
        new SecureRandom().nextBytes(foreign);
        String sealed = "[[sealed-link:" + Base64.getUrlEncoder().withoutPadding().encodeToString(foreign) + "]]";
        outbox.insert(EmailOutbox.pending(business.id(), null, "kim@example.test", "Check for Kim",
                "Hello Kim, open " + sealed + " please.", null, Instant.now()));

        String page = mvc.perform(get("/outbox").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("kim@example.test", "rita@example.test")
                .containsPattern("http://localhost:8080/c/[A-Za-z0-9_-]{43}")
                .contains("sealed with another link key")
                .doesNotContain("sealed-link:");
    }
}
