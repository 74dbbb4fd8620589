package dev.livecheck.portal.email;

import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a profile's e-mail template into an outbox message: {@code {name}} and {@code {link}} are replaced in the
 * subject and text body, and an HTML body is generated from the text (escaped, line breaks kept, link clickable). The
 * recipient's name is cleaned first ({@link MailText}); the subject is one line. A message that cannot be rendered or
 * sealed, or whose stored form does not open again to exactly the link, is stored FAILED with the reason instead of
 * waiting to fail on every send (or on the outbox page).
 */
@Component
public class CaptureEmails {
    /** Stands in for a subject that rendered empty, so the FAILED row can still be stored and listed. */
    static final String UNRENDERABLE_SUBJECT = "(e-mail could not be rendered)";

    private final LinkSealer sealer;

    CaptureEmails(LinkSealer sealer) {
        this.sealer = sealer;
    }

    /** A PENDING outbox row for the capture link (sealed, see {@link LinkSealer}), or a FAILED one saying why not. */
    public EmailOutbox compose(CheckProfile profile, UUID sessionId, String recipientName, String recipientEmail,
                               String link, Instant now) {
        String name = MailText.value(recipientName);
        String subject = MailText.oneLine(profile.emailSubject().replace("{name}", name).replace("{link}", "")).strip();
        try {
            String sealedLink = sealer.seal(link);
            String text = profile.emailBodyText().replace("{name}", name).replace("{link}", sealedLink);
            String html = html(profile.emailBodyText(), name, sealedLink);
            String problem = renderingProblem(subject, text, html, link);
            if (problem != null) {
                return failed(profile, sessionId, recipientEmail, subject, text, html, problem, now);
            }
            return EmailOutbox.pending(profile.businessId(), sessionId, recipientEmail, subject, text, html, now);
        } catch (RuntimeException e) {
            return failed(profile, sessionId, recipientEmail, subject, "", null,
                    "cannot be sealed: " + e.getMessage(), now);
        }
    }

    /** Null when the stored texts open again to the link (and only to it), else why not. */
    private @Nullable String renderingProblem(String subject, String text, String html, String link) {
        if (subject.isBlank()) {
            return "the subject is empty once rendered";
        }
        try {
            String sent = sealer.unseal(text);
            sealer.unseal(html);
            if (!sent.contains(link)) {
                return "the text body does not contain the capture link (the template has no {link})";
            }
        } catch (RuntimeException e) {
            return "cannot be rendered: " + e.getMessage();
        }
        return null;
    }

    private static EmailOutbox failed(CheckProfile profile, UUID sessionId, String recipientEmail, String subject,
                                      String text, String html, String reason, Instant now) {
        return EmailOutbox.failed(profile.businessId(), sessionId, recipientEmail,
                subject.isBlank() ? UNRENDERABLE_SUBJECT : subject, text, html, reason, now);
    }

    /** Escapes every piece of the text; only the anchor around the (sealed, URL-safe) link is markup. */
    static String html(String template, String recipientName, String sealedLink) {
        String[] parts = template.split("\\{link}", -1);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                body.append("<a href=\"").append(sealedLink).append("\">").append(sealedLink).append("</a>");
            }
            body.append(HtmlUtils.htmlEscape(parts[i].replace("{name}", recipientName)));
        }
        return "<!DOCTYPE html><html><body><p>"
                + body.toString().replace("\r\n", "\n").replace("\n\n", "</p><p>").replace("\n", "<br>")
                + "</p></body></html>";
    }
}
