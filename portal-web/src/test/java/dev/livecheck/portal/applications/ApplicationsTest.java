package dev.livecheck.portal.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.persistence.applications.ApiApplications;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.profiles.CheckProfile;
import dev.livecheck.persistence.profiles.CheckProfiles;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.TestData;
import dev.livecheck.portal.api.SignedApiClient;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.persistence.support.Sha256;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * /applications on H2 with a real port: creating an application (generated or uploaded key) and using it at once
 * through the signed API, the private key shown exactly once, every refused key and origin, revoking (the API then
 * answers 401), audit events, tenant isolation, roles and CSRF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:applications-tests;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationsTest {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "<textarea[^>]*id=\"private-key\"[^>]*>"
                    + "(-----BEGIN PRIVATE KEY-----[^<]*-----END PRIVATE KEY-----\\s*)</textarea>");
    private static final Pattern BASE_URL = Pattern.compile("<code id=\"sdk-base-url\">([^<]+)</code>");
    private static final KeyPair UPLOADED_KEYS = rsaKeyPair();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    TestData data;
    @Autowired
    Businesses businesses;
    @Autowired
    PortalUsers users;
    @Autowired
    CheckProfiles profiles;
    @Autowired
    ApiApplications applications;
    @Autowired
    LinkSealer sealer;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Business business;
    CheckProfile profile;
    PortalPrincipal admin;

    @BeforeEach
    void tenant() {
        data = new TestData(context);
        business = businesses.insert(Business.create("Acme " + UUID.randomUUID(), Instant.now()));
        profile = profile(business, "API checks");
        admin = data.user(business, Role.ADMIN);
    }

    @Test
    void aGeneratedKeyIsShownOnceAndSignsRequestsTheApiAccepts() throws Exception {
        MvcResult result = mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("Web shop", "GENERATE", "https://Shop.Example\nhttp://localhost:3000", null)))
                .andExpect(status().is3xxRedirection()).andReturn();
        ApiApplication stored = onlyApplication();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + stored.id() + "/created");
        Cookie session = result.getResponse().getCookie("SESSION");

        String page = html(mvc.perform(get("/applications/" + stored.id() + "/created").with(as(admin)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString(stored.id().toString())))
                .andExpect(content().string(containsString("data-filename=\"" + stored.id() + ".pem\"")))
                .andExpect(content().string(containsString("/js/applications/private-key-download.js"))));
        RSAPrivateCrtKey privateKey = parsePkcs8(extract(PRIVATE_KEY, page));
        assertThat(privateKey.getModulus().bitLength()).isEqualTo(2048);
        byte[] publicHalf = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()))
                .getEncoded();
        assertThat(Base64.getDecoder().decode(stored.publicKey())).isEqualTo(publicHalf);
        assertThat(stored.publicKeySha256()).isEqualTo(Sha256.hex(publicHalf));
        assertThat(stored.allowedOriginList()).containsExactly("https://shop.example", "http://localhost:3000");
        assertThat(stored.profileId()).isEqualTo(profile.id());
        assertThat(stored.createdBy()).isEqualTo(admin.userId());
        assertThat(stored.active()).isTrue();

        // Reloading the page does not show the key again.
        mvc.perform(get("/applications/" + stored.id() + "/created").with(as(admin)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("PRIVATE KEY-----"))))
                .andExpect(content().string(containsString("id=\"private-key-gone\"")));

        SignedApiClient client = new SignedApiClient(apiBaseUrl(stored), stored.id(), privateKey);
        assertThat(client.get("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(applications.findByBusinessIdAndId(business.id(), stored.id()).orElseThrow().lastUsedAt())
                .isNotNull();
        assertThat(auditDetails("APPLICATION_CREATED", stored.id())).containsExactly("Web shop (key generated)");
    }

    @Test
    void thePrivateKeyIsStoredNowhereInReadableForm() throws Exception {
        MvcResult result = mvc.perform(post("/applications").with(as(admin)).with(csrf())
                .params(form("Shop", "GENERATE", "", null))).andReturn();
        // Between the redirect and the next page the key waits in the HTTP session (in the database), sealed.
        List<byte[]> waiting = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query(byte[].class).list();
        assertThat(waiting).isNotEmpty().noneMatch(bytes -> contains(bytes, "PRIVATE KEY"));
        String sealed = (String) result.getFlashMap().get("sealedPrivateKey");
        assertThat(sealed).doesNotContain("PRIVATE KEY");

        String pem = extract(PRIVATE_KEY, html(mvc.perform(get(result.getResponse().getRedirectedUrl())
                .with(as(admin)).cookie(result.getResponse().getCookie("SESSION")))));
        assertThat(sealer.openValue(sealed)).isEqualTo(pem);
        String someKeyLine = pem.lines().skip(5).findFirst().orElseThrow();
        assertThat(onlyApplication().publicKey()).doesNotContain(someKeyLine);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE ?").param("%" + someKeyLine + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes").query(byte[].class).list())
                .noneMatch(bytes -> contains(bytes, someKeyLine));
    }

    @Test
    void anUploadedPublicKeyIsStoredAsGivenAndItsPrivateHalfSigns() throws Exception {
        String pem = UploadedPublicKeyTest.pem("PUBLIC KEY", UPLOADED_KEYS.getPublic().getEncoded());
        MvcResult result = mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("Own key", "UPLOAD", "", pem)))
                .andExpect(status().is3xxRedirection()).andReturn();
        ApiApplication stored = onlyApplication();

        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(as(admin))
                        .cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(content().string(containsString(stored.id().toString())))
                .andExpect(content().string(containsString("id=\"key-uploaded\"")))
                .andExpect(content().string(not(containsString("PRIVATE KEY"))));
        assertThat(Base64.getDecoder().decode(stored.publicKey())).isEqualTo(UPLOADED_KEYS.getPublic().getEncoded());
        assertThat(stored.allowedOriginList()).isEmpty();
        SignedApiClient client = new SignedApiClient(apiBaseUrl(stored), stored.id(), UPLOADED_KEYS.getPrivate());
        assertThat(client.get("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(auditDetails("APPLICATION_CREATED", stored.id())).containsExactly("Own key (key uploaded)");
    }

    @Test
    void eachBadUploadIsAFieldErrorAndNothingIsStored() throws Exception {
        String publicPem = UploadedPublicKeyTest.pem("PUBLIC KEY", UPLOADED_KEYS.getPublic().getEncoded());
        String privatePem = UploadedPublicKeyTest.pem("PRIVATE KEY", UPLOADED_KEYS.getPrivate().getEncoded());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPairGenerator shortRsa = KeyPairGenerator.getInstance("RSA");
        shortRsa.initialize(1024);

        assertUploadRefused("", "Paste your public key (PEM)");
        assertUploadRefused("not a key at all", "This is not a PEM public key");
        assertUploadRefused(publicPem.substring(0, 200), "The key is incomplete");
        assertUploadRefused(publicPem.replace("M", "*"), "The key cannot be read");
        assertUploadRefused(UploadedPublicKeyTest.pem("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded()),
                "This is an EC key. Only RSA keys are accepted.");
        assertUploadRefused(UploadedPublicKeyTest.pem("PUBLIC KEY", shortRsa.generateKeyPair().getPublic()
                .getEncoded()), "This RSA key has 1024 bits; at least 2048 are required.");
        assertUploadRefused(publicPem + "\n".repeat(11 * 1024), "far too long for a public key (more than 10 KB)");
        String page = assertUploadRefused(privatePem, "This is a private key");
        // The private key is not carried back into the page that reports it, nor into one that reports other errors.
        String body = privatePem.lines().skip(3).findFirst().orElseThrow();
        assertThat(page).doesNotContain(body);
        String otherErrors = html(mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("", "GENERATE", "", privatePem)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill this in."))));
        assertThat(otherErrors).doesNotContain(body);
    }

    @Test
    void badOriginsAreEachNamedAndNothingIsStored() throws Exception {
        String origins = "https://ok.example\nhttp://shop.example\nhttps://shop.example/embed\nshop.example";
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(form("Shop", "GENERATE", origins, null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("“http://shop.example” must use https")))
                .andExpect(content().string(containsString("“https://shop.example/embed” has a path")))
                .andExpect(content().string(containsString("“shop.example” is not an origin")))
                .andExpect(content().string(not(containsString("“https://ok.example”"))));
        String tooMany = String.join("\n", java.util.stream.IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "https://shop" + i + ".example").toList());
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(form("Shop", "GENERATE", tooMany, null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most 20 origins are allowed; these are 21.")));
        mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("Shop", "GENERATE", "https://a.example\n".repeat(300), null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Must be between 0 and 4,000 characters long.")));
        assertThat(applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id())).isEmpty();
    }

    @Test
    void nameAndProfileAreRequiredAndTheProfileMustBeAnActiveOneOfThisBusiness() throws Exception {
        MultiValueMap<String, String> blank = form(" ", "GENERATE", "", null);
        blank.remove("profileId");
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(blank))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill this in.")))
                .andExpect(content().string(containsString("Please choose a value.")));
        mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("x".repeat(201), "GENERATE", "", null)))
                .andExpect(content().string(containsString("Must be between 0 and 200 characters long.")));
        MultiValueMap<String, String> garbageProfile = form("Shop", "GENERATE", "", null);
        garbageProfile.set("profileId", "not-a-uuid");
        garbageProfile.set("keyChoice", "STEAL");
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(garbageProfile))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your active check profiles.")))
                .andExpect(content().string(containsString("Choose how the application gets its key.")));

        CheckProfile foreign = profile(businesses.insert(Business.create("Other", Instant.now())), "Theirs");
        MultiValueMap<String, String> foreignProfile = form("Shop", "GENERATE", "", null);
        foreignProfile.set("profileId", foreign.id().toString());
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(foreignProfile))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your active check profiles.")));
        CheckProfile archived = profile(business, "Old");
        profiles.archive(business.id(), archived.id(), Instant.now());
        MultiValueMap<String, String> archivedProfile = form("Shop", "GENERATE", "", null);
        archivedProfile.set("profileId", archived.id().toString());
        mvc.perform(post("/applications").with(as(admin)).with(csrf()).params(archivedProfile))
                .andExpect(content().string(containsString("Choose one of your active check profiles.")));
        assertThat(applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id())).isEmpty();
    }

    @Test
    void withoutAnActiveProfileTheFormSaysToCreateOneFirst() throws Exception {
        Business empty = businesses.insert(Business.create("Empty", Instant.now()));
        CheckProfile archived = profile(empty, "Old");
        profiles.archive(empty.id(), archived.id(), Instant.now());

        mvc.perform(get("/applications/new").with(as(data.user(empty, Role.OWNER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("create a check profile first")))
                .andExpect(content().string(containsString("href=\"/profiles/new\"")))
                .andExpect(content().string(not(containsString("action=\"/applications\""))));
        mvc.perform(get("/applications/new").with(as(admin)))
                .andExpect(content().string(containsString("action=\"/applications\"")))
                .andExpect(content().string(containsString(profile.name())))
                .andExpect(content().string(not(containsString("Old"))));
    }

    @Test
    void theListAndDetailShowWhatTheSdkNeeds() throws Exception {
        ApiApplication app = create("Listed", "https://shop.example");

        mvc.perform(get("/applications").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/applications/" + app.id() + "\"")))
                .andExpect(content().string(containsString(app.id().toString())))
                .andExpect(content().string(containsString("API checks")))
                .andExpect(content().string(containsString("https://shop.example")))
                .andExpect(content().string(containsString("never")))
                .andExpect(content().string(containsString("Active")));
        String secret = sealer.openValue(app.notificationSecretSealed());
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(app.notificationSecretSealed()).doesNotContain(secret);
        mvc.perform(get("/applications/" + app.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        containsString("<code id=\"sdk-base-url\">http://localhost:8080/idverify/v1</code>")))
                .andExpect(content().string(containsString(app.publicKeySha256())))
                .andExpect(content().string(containsString("<code id=\"notification-secret\">" + secret + "</code>")))
                .andExpect(content().string(containsString("X-Livecheck-Signature")))
                .andExpect(content().string(containsString("action=\"/applications/" + app.id() + "/revoke\"")));
    }

    @Test
    void aSecretSealedUnderAnotherLinkKeyIsReportedNotFatal() throws Exception {
        byte[] sealedElsewhere = new byte[60];
        new SecureRandom().nextBytes(sealedElsewhere);
        ApiApplication app = applications.insert(ApiApplication.create(business.id(), "Old key", profile.id(),
                Base64.getEncoder().encodeToString(UPLOADED_KEYS.getPublic().getEncoded()),
                Sha256.hex(UPLOADED_KEYS.getPublic().getEncoded()), List.of(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(sealedElsewhere), admin.userId(),
                Instant.now()));

        mvc.perform(get("/applications/" + app.id()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notification-secret-unreadable\"")))
                .andExpect(content().string(containsString("sealed under another link key")));
    }

    @Test
    void revokingShutsTheApiOutAtOnceAndIsAudited() throws Exception {
        ApiApplication app = create("To revoke", "");
        SignedApiClient client = new SignedApiClient(apiBaseUrl(app), app.id(), UPLOADED_KEYS.getPrivate());
        assertThat(client.get("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

        mvc.perform(post("/applications/" + app.id() + "/revoke").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/applications/" + app.id()))
                .andExpect(flash().attribute("flashMessage", "application.revoked"));

        assertThat(client.get("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(401);
        assertThat(applications.findByBusinessIdAndId(business.id(), app.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(auditDetails("APPLICATION_REVOKED", app.id())).containsExactly("To revoke");
        mvc.perform(get("/applications/" + app.id()).with(as(admin)))
                .andExpect(content().string(containsString("Revoked on")))
                .andExpect(content().string(not(containsString("/revoke\""))));
        mvc.perform(post("/applications/" + app.id() + "/revoke").with(as(admin)).with(csrf()))
                .andExpect(flash().attribute("errorMessage", "application.alreadyRevoked"));
        assertThat(auditDetails("APPLICATION_REVOKED", app.id())).hasSize(1);
        mvc.perform(get("/audit").with(as(admin)))
                .andExpect(content().string(containsString("APPLICATION_CREATED")))
                .andExpect(content().string(containsString("APPLICATION_REVOKED")));
    }

    @Test
    void anotherBusinesssApplicationIsNotFound() throws Exception {
        ApiApplication theirs = create("Theirs", "");
        Business other = businesses.insert(Business.create("Other", Instant.now()));
        profile(other, "Other profile");
        PortalPrincipal otherOwner = data.user(other, Role.OWNER);

        mvc.perform(get("/applications/" + theirs.id()).with(as(otherOwner))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + theirs.id() + "/created").with(as(otherOwner)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/applications/" + theirs.id() + "/revoke").with(as(otherOwner)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications").with(as(otherOwner)))
                .andExpect(content().string(not(containsString(theirs.id().toString()))));
        assertThat(applications.findByBusinessIdAndId(business.id(), theirs.id()).orElseThrow().active()).isTrue();
        mvc.perform(get("/applications/" + UUID.randomUUID()).with(as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/not-a-uuid").with(as(admin))).andExpect(status().is4xxClientError());
    }

    @Test
    void reviewersMayNotSeeOrChangeApplications() throws Exception {
        ApiApplication app = create("Guarded", "");
        PortalPrincipal reviewer = data.user(business, Role.REVIEWER);

        mvc.perform(get("/applications").with(as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/new").with(as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/" + app.id()).with(as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(post("/applications").with(as(reviewer)).with(csrf()).params(form("Sneaky", "GENERATE", "", null)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + app.id() + "/revoke").with(as(reviewer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id())).hasSize(1)
                .allMatch(ApiApplication::active);
        mvc.perform(get("/applications").with(as(data.user(business, Role.OWNER)))).andExpect(status().isOk());
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        ApiApplication app = create("Protected", "");

        mvc.perform(post("/applications").with(as(admin)).params(form("No token", "GENERATE", "", null)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + app.id() + "/revoke").with(as(admin)))
                .andExpect(status().isForbidden());
        assertThat(applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id())).hasSize(1)
                .allMatch(ApiApplication::active);
    }

    /** An application with {@link #UPLOADED_KEYS}, made through the form. */
    private ApiApplication create(String name, String origins) throws Exception {
        String pem = UploadedPublicKeyTest.pem("PUBLIC KEY", UPLOADED_KEYS.getPublic().getEncoded());
        MvcResult result = mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form(name, "UPLOAD", origins, pem)))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = UUID.fromString(result.getResponse().getRedirectedUrl().split("/")[2]);
        return applications.findByBusinessIdAndId(business.id(), id).orElseThrow();
    }

    private String assertUploadRefused(String pem, String message) throws Exception {
        String page = html(mvc.perform(post("/applications").with(as(admin)).with(csrf())
                        .params(form("Upload", "UPLOAD", "", pem)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString(message))));
        assertThat(applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id())).as(message).isEmpty();
        return page;
    }

    /**
     * The base URL the application page gives for the SDK, pointed at this test's port: requests signed against it
     * must reach the API filter, so the page and the API agree on the path.
     */
    private String apiBaseUrl(ApiApplication app) throws Exception {
        String shown = extract(BASE_URL, html(mvc.perform(get("/applications/" + app.id()).with(as(admin)))));
        return "http://localhost:" + port + URI.create(shown).getPath();
    }

    private ApiApplication onlyApplication() {
        List<ApiApplication> all = applications.findAllByBusinessIdOrderByCreatedAtDesc(business.id());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private MultiValueMap<String, String> form(String name, String keyChoice, String origins, String pem) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        form.add("profileId", profile.id().toString());
        form.add("allowedOrigins", origins);
        form.add("keyChoice", keyChoice);
        if (pem != null) {
            form.add("publicKeyPem", pem);
        }
        return form;
    }

    private List<String> auditDetails(String action, UUID applicationId) {
        return jdbc.sql("""
                        SELECT details FROM audit_event
                        WHERE action = ? AND target_type = 'API_APPLICATION' AND target_id = ? AND business_id = ?""")
                .param(action).param(applicationId.toString()).param(business.id()).query(String.class).list();
    }

    private CheckProfile profile(Business owner, String name) {
        return profiles.insert(CheckProfile.create(owner.id(), name, "https://example.test/done", "Check for {name}",
                "Hello {name}, open {link} please.", Instant.now()));
    }


    private static RequestPostProcessor as(PortalPrincipal principal) {
        return user(principal);
    }

    private static String html(org.springframework.test.web.servlet.ResultActions actions) {
        return new String(actions.andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String extract(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.group(1);
    }

    private static RSAPrivateCrtKey parsePkcs8(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertThat(key).isInstanceOf(RSAPrivateCrtKey.class);
        return (RSAPrivateCrtKey) key;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
