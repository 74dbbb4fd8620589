package dev.livecheck.portal.e2e;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The recipients' side of GreenMail: the e-mail a recipient got, and the capture link in it. */
record Mailbox(GreenMail smtp) {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/c/[A-Za-z0-9_-]{43}");

    /** Waits (the outbox sender polls) for the first e-mail to {@code recipient}. */
    Received awaitMailTo(String recipient) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> find(recipient), Optional::isPresent).orElseThrow();
    }

    private Optional<Received> find(String recipient) throws MessagingException {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(recipient))) {
                return Optional.of(new Received(message.getSubject(), GreenMailUtil.getBody(message)));
            }
        }
        return Optional.empty();
    }

    record Received(String subject, String body) {
        /** The capture link in the e-mail's text part. */
        String captureLink() {
            Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
            if (!m.find()) {
                throw new AssertionError("no capture link in the e-mail:\n" + body);
            }
            return m.group();
        }
    }
}
