package dev.livecheck.portal.email;

import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.persistence.outbox.OutboxStatus;
import dev.livecheck.portal.security.PortalPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The outbox page: every e-mail of the business with its state and, while not sent, its link to copy by hand. */
@Controller
class OutboxController {
    private static final int PAGE_SIZE = 25;

    private final Outbox outbox;
    private final LinkSealer sealer;
    private final OutboxSender sender;
    private final Clock clock;

    OutboxController(Outbox outbox, LinkSealer sealer, OutboxSender sender, Clock clock) {
        this.outbox = outbox;
        this.sealer = sealer;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * One row of the page; {@code link} only for e-mails not sent yet (a sent link belongs to the recipient).
     * {@code linkUnreadable}: the link was sealed under another link key (lost key file, or a node without the shared
     * {@code livecheck.link-key}); the row is still listed, and resending the session issues a new link.
     */
    record OutboxRow(UUID id, String toAddress, String subject, OutboxStatus status, int attemptCount,
                     Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, String link,
                     boolean linkUnreadable) {
    }

    @GetMapping("/outbox")
    String list(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<OutboxRow> rows = outbox.findByBusinessIdOrderByCreatedAtDesc(me.businessId(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)).map(this::row);
        model.addAttribute("rows", rows);
        model.addAttribute("smtpConfigured", sender.smtpConfigured());
        return "email/outbox";
    }

    @PostMapping("/outbox/{id}/requeue")
    String requeue(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        if (outbox.requeue(me.businessId(), id, clock.instant()) != 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("flashMessage", "outbox.requeued");
        return "redirect:/outbox";
    }

    private OutboxRow row(EmailOutbox mail) {
        String link = null;
        boolean unreadable = false;
        if (mail.status() != OutboxStatus.SENT) {
            try {
                link = sealer.firstLink(mail.bodyText()).orElse(null);
            } catch (RuntimeException e) {
                // Sealed under another key, or no sealed link at all (a forged one): listed, never a 500.
                unreadable = true;
            }
        }
        return new OutboxRow(mail.id(), mail.toAddress(), mail.subject(), mail.status(), mail.attemptCount(),
                mail.nextAttemptAt(), mail.lastError(), mail.createdAt(), mail.sentAt(), link, unreadable);
    }
}
