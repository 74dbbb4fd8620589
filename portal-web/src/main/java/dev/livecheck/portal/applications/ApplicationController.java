package dev.livecheck.portal.applications;

import dev.livecheck.persistence.applications.ApiApplication;
import dev.livecheck.portal.applications.ApplicationForm.KeyChoice;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.web.SessionApiPaths;
import jakarta.validation.Valid;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /applications (ADMIN, see the security configuration): the list, "New application" (its private key shown once),
 * one page per application, revoke. Another business's application ids answer 404.
 */
@Controller
class ApplicationController {
    private static final String FORM = "applications/form";
    private static final String SEALED_PRIVATE_KEY = "sealedPrivateKey";
    private static final String KEY_UPLOADED = "keyUploaded";
    /**
     * Where the session API is served (the api module's filter and security chain name the same path);
     * ApplicationsTest signs requests against the base URL this page shows, so a change there fails here.
     */

    private final ApplicationService service;
    private final LinkSealer sealer;
    private final String sdkBaseUrl;

    ApplicationController(ApplicationService service, LinkSealer sealer,
                          @Value("${livecheck.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.service = service;
        this.sealer = sealer;
        this.sdkBaseUrl = publicBaseUrl.replaceAll("/+$", "") + SessionApiPaths.BASE;
    }

    @GetMapping("/applications")
    String list(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("applications", service.list(me));
        model.addAttribute("profileNames", service.profileNames(me));
        return "applications/list";
    }

    @GetMapping("/applications/new")
    String newForm(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("applicationForm", new ApplicationForm());
        return form(me, model);
    }

    @PostMapping("/applications")
    String create(@AuthenticationPrincipal PortalPrincipal me,
                  @Valid @ModelAttribute("applicationForm") ApplicationForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        AllowedOrigins.Parsed origins = AllowedOrigins.parse(form.getAllowedOrigins());
        if (!result.hasFieldErrors("allowedOrigins")) {
            origins.problems().forEach(p -> result.rejectValue("allowedOrigins", p.code(), p.args(), p.code()));
        }
        if (!result.hasFieldErrors("profileId") && service.activeProfile(me, form.getProfileId()).isEmpty()) {
            result.rejectValue("profileId", "application.profile.unknown");
        }
        String pasted = form.getPublicKeyPem();
        if (UploadedPublicKey.looksPrivate(pasted)) {
            // A private key pasted by mistake is never carried back into the page, whichever key choice was made.
            form.setPublicKeyPem(null);
        }
        Optional<RSAPublicKey> uploaded = form.getKeyChoice() == KeyChoice.UPLOAD ? uploadedKey(pasted, result)
                : Optional.empty();
        if (result.hasErrors()) {
            return form(me, model);
        }
        ApplicationKey key = uploaded.map(ApplicationKey::uploaded).orElseGet(ApplicationKey::generate);
        ApiApplication created = service.create(me, form, origins.origins(), key);
        showKeyOnce(key, redirect);
        return "redirect:/applications/" + created.id() + "/created";
    }

    /**
     * The page after creation. The private key travels in a flash attribute, so it is on this page once and gone on
     * reload. Flash attributes live in the HTTP session, which Spring Session keeps in the database: hence sealed
     * under the link key, like a capture link after a new session.
     */
    @GetMapping("/applications/{id}/created")
    String created(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("apiApplication", load(me, id));
        model.addAttribute("sdkBaseUrl", sdkBaseUrl);
        if (model.getAttribute(SEALED_PRIVATE_KEY) instanceof String sealed) {
            model.addAttribute("privateKeyPem", openOrNull(sealed));
        }
        return "applications/created";
    }

    @GetMapping("/applications/{id}")
    String detail(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        ApiApplication application = load(me, id);
        model.addAttribute("apiApplication", application);
        model.addAttribute("profile", service.profile(me, application.profileId()).orElse(null));
        model.addAttribute("sdkBaseUrl", sdkBaseUrl);
        model.addAttribute("notificationSecret", service.notificationSecret(application).orElse(null));
        return "applications/detail";
    }

    @PostMapping("/applications/{id}/revoke")
    String revoke(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        switch (service.revoke(me, id)) {
            case NOT_FOUND -> throw notFound();
            case ALREADY_REVOKED -> redirect.addFlashAttribute("errorMessage", "application.alreadyRevoked");
            case REVOKED -> redirect.addFlashAttribute("flashMessage", "application.revoked");
        }
        return "redirect:/applications/" + id;
    }

    private String form(PortalPrincipal me, Model model) {
        model.addAttribute("profiles", service.activeProfiles(me));
        model.addAttribute("keyChoices", KeyChoice.values());
        model.addAttribute("maxOrigins", AllowedOrigins.MAX_ORIGINS);
        model.addAttribute("minKeyBits", UploadedPublicKey.bitCount(UploadedPublicKey.MIN_KEY_BITS));
        return FORM;
    }

    /** The pasted key, or a field error saying what is wrong with it. */
    private static Optional<RSAPublicKey> uploadedKey(String pasted, BindingResult result) {
        try {
            return Optional.of(UploadedPublicKey.parse(pasted));
        } catch (UploadedPublicKey.Refused refused) {
            result.rejectValue("publicKeyPem", refused.code(), refused.args(), refused.code());
            return Optional.empty();
        }
    }

    private void showKeyOnce(ApplicationKey key, RedirectAttributes redirect) {
        if (key.privateKeyPem() != null) {
            redirect.addFlashAttribute(SEALED_PRIVATE_KEY, sealer.sealValue(key.privateKeyPem()));
        } else {
            redirect.addFlashAttribute(KEY_UPLOADED, true);
        }
    }

    /** Null if the link key changed between the redirect and this page (the page then says the key is gone). */
    private @Nullable String openOrNull(String sealed) {
        try {
            return sealer.openValue(sealed);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private ApiApplication load(PortalPrincipal me, UUID id) {
        return service.find(me, id).orElseThrow(ApplicationController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
