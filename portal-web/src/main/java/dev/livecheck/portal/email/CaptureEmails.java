package dev.livecheck.portal.email;

import dev.livecheck.persistence.outbox.EmailOutbox;
import dev.livecheck.persistence.profiles.CheckProfile;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a profile's e-mail template into an outbox message: {@code {name}} and {@code {link}} are replaced in the
 * subject and text body, and an HTML body is generated from the text (escaped, line breaks kept, link clickable).
 */
@Component
public class CaptureEmails {
    private final LinkSealer sealer;

    CaptureEmails(LinkSealer sealer) {
        this.sealer = sealer;
    }

    /** A PENDING outbox row for the capture link; the link is stored sealed (see {@link LinkSealer}). */
    public EmailOutbox compose(CheckProfile profile, UUID sessionId, String recipientName, String recipientEmail,
                               String link, Instant now) {
        String sealedLink = sealer.seal(link);
        String subject = profile.emailSubject().replace("{name}", recipientName).replace("{link}", "");
        String text = profile.emailBodyText().replace("{name}", recipientName).replace("{link}", sealedLink);
        return EmailOutbox.pending(profile.businessId(), sessionId, recipientEmail, subject.strip(), text,
                html(profile.emailBodyText(), recipientName, sealedLink), now);
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
