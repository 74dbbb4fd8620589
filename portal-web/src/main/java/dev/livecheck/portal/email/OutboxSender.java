package dev.livecheck.portal.email;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditEvent;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.outbox.Outbox;
import dev.livecheck.portal.web.NodeIds;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox e-mails. Each row is claimed first, so with two portal nodes only one sends it. Without SMTP
 * (no {@code spring.mail.host}, so no {@link JavaMailSender}) it does nothing: the e-mails stay PENDING and the outbox
 * page shows their links.
 */
@Component
class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final LinkSealer sealer;
    private final MailProperties properties;
    private final Clock clock;
    private final String nodeId = NodeIds.newNodeId();

    OutboxSender(Outbox outbox, AuditLog audit, ObjectProvider<JavaMailSender> mailSender, LinkSealer sealer,
                 MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.mailSender = mailSender;
        this.sealer = sealer;
        this.properties = properties;
        this.clock = clock;
    }

    boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${livecheck.mail.poll-interval-ms:5000}", initialDelay = 2000)
    void sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        Instant now = clock.instant();
        for (EmailOutbox mail : outbox.findDue(now, properties.batchSize())) {
            if (outbox.claim(mail.id(), nodeId, now, now.plus(properties.claimDuration())) == 1) {
                deliver(sender, mail);
            }
        }
    }

    private void deliver(JavaMailSender sender, EmailOutbox mail) {
        try {
            sender.send(toMime(sender, mail));
            outbox.markSent(mail.id(), nodeId, clock.instant());
        } catch (MailException | MessagingException e) {
            failed(mail, e);
        } catch (IllegalStateException e) {
            // The link was sealed with another key (a node started without the shared livecheck.link-key):
            // release the claim with backoff so a node that holds the key can send it, and give up in the end.
            failed(mail, e);
        } catch (RuntimeException e) {
            // The stored e-mail cannot be rendered (a malformed sealed link, an address or header that does not
            // parse): no retry can change that, so it fails now rather than after every backoff step.
            failedForGood(mail, mail.attemptCount() + 1, "cannot be rendered: " + abbreviate(e.toString()));
        }
    }

    private MimeMessage toMime(JavaMailSender sender, EmailOutbox mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        boolean multipart = mail.bodyHtml() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.toAddress());
        helper.setSubject(mail.subject());
        if (multipart) {
            helper.setText(sealer.unseal(mail.bodyText()), sealer.unseal(mail.bodyHtml()));
        } else {
            helper.setText(sealer.unseal(mail.bodyText()));
        }
        return message;
    }

    private void failed(EmailOutbox mail, Exception e) {
        int failures = mail.attemptCount() + 1;
        String error = abbreviate(e.getMessage());
        if (failures >= properties.maxAttempts()) {
            failedForGood(mail, failures, error);
        } else {
            outbox.markRetry(mail.id(), nodeId, error, clock.instant().plus(properties.retryDelay(failures)));
            log.info("E-mail {} not sent (attempt {}), retrying later: {}", mail.id(), failures, error);
        }
    }

    private void failedForGood(EmailOutbox mail, int failures, String error) {
        outbox.markFailed(mail.id(), nodeId, error);
        audit.insert(AuditEvent.bySystem(mail.businessId(), AuditAction.EMAIL_FAILED, AuditTarget.EMAIL,
                mail.id().toString(), abbreviate("gave up after " + failures + " attempts: " + error),
                clock.instant()));
        log.warn("E-mail {} failed for good after {} attempts: {}", mail.id(), failures, error);
    }

    private static String abbreviate(String message) {
        String text = message == null ? "unknown error" : message;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
