package dev.livecheck.portal.notifications;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.notifications.DeliveryStatus;
import dev.livecheck.persistence.notifications.NotificationDeliveries;
import dev.livecheck.persistence.notifications.NotificationDelivery;
import dev.livecheck.persistence.notifications.NotificationDeliveryTries;
import dev.livecheck.portal.security.PortalPrincipal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Deliveries page: the business's notifications, newest first, each with its tries; a FAILED one can be sent
 * again. Everything is scoped by the signed-in user's business; another business's delivery answers 404.
 */
@Controller
class DeliveryController {
    private static final int PAGE_SIZE = 25;

    private final NotificationDeliveries deliveries;
    private final NotificationDeliveryTries tries;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryController(NotificationDeliveries deliveries, NotificationDeliveryTries tries, AuditLog audit,
                       Clock clock) {
        this.deliveries = deliveries;
        this.tries = tries;
        this.audit = audit;
        this.clock = clock;
    }

    /** One delivery as the page shows it: the endpoint's host only (its path may carry the receiver's own secrets). */
    record DeliveryRow(UUID id, UUID sessionId, String topic, String host, DeliveryStatus status, int attemptCount,
                       Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt,
                       Instant sentAt) {
        static DeliveryRow of(NotificationDelivery d) {
            return new DeliveryRow(d.id(), d.sessionId(), d.topic().name(), hostOf(d.endpoint()), d.status(),
                    d.attemptCount(), d.lastStatusCode(), d.lastError(), d.createdAt(), d.nextAttemptAt(),
                    d.sentAt());
        }

        public boolean retryable() {
            return status == DeliveryStatus.FAILED;
        }
    }

    @GetMapping("/deliveries")
    String list(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<DeliveryRow> rows = deliveries.findByBusinessIdOrderByCreatedAtDesc(me.businessId(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)).map(DeliveryRow::of);
        model.addAttribute("rows", rows);
        return "notifications/deliveries";
    }

    @GetMapping("/deliveries/{id}")
    String detail(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        NotificationDelivery delivery = deliveries.findByBusinessIdAndId(me.businessId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("delivery", DeliveryRow.of(delivery));
        model.addAttribute("tries", tries.findAllByBusinessIdAndDeliveryIdOrderByTriedAt(me.businessId(), id));
        return "notifications/delivery";
    }

    /** Sends a FAILED delivery once more, now (one more try: it fails again for good if that one fails too). */
    @PostMapping("/deliveries/{id}/retry")
    @Transactional
    String retry(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        NotificationDelivery delivery = deliveries.findByBusinessIdAndId(me.businessId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        if (deliveries.requeue(me.businessId(), id, now) == 1) {
            audit.insert(me.audited(AuditAction.NOTIFICATION_REQUEUED, AuditTarget.NOTIFICATION,
                    id.toString(), delivery.topic() + " of session " + delivery.sessionId(), now));
            redirect.addFlashAttribute("flashMessage", "deliveries.requeued");
        } else {
            redirect.addFlashAttribute("errorMessage", "deliveries.notFailed");
        }
        return "redirect:/deliveries/" + id;
    }

    private static String hostOf(String endpoint) {
        try {
            String host = new URI(endpoint).getHost();
            return host == null ? endpoint : host;
        } catch (URISyntaxException e) {
            return endpoint;
        }
    }
}
