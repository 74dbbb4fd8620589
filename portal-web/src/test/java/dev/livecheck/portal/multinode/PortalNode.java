package dev.livecheck.portal.multinode;

import dev.livecheck.portal.LivecheckApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One portal instance, started the way production starts it ({@code LivecheckApplication} with the {@code postgres}
 * Spring profile) on a random port. Settings are passed as command-line arguments, so they win over
 * application-postgres.yml exactly as an operator's would.
 */
final class PortalNode implements AutoCloseable {
    private final String name;
    private final ConfigurableApplicationContext context;
    private final int port;

    private PortalNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * A node sending mail through the shared SMTP server.
     *
     * @param name          the node's name; its e-mails come from {@code <name>@nodes.livecheck.test}, so a received
     *                      message tells which node sent it
     * @param schema        the database both nodes share
     * @param linkKey       Base64 AES key for sealed links, the same on every node (as the README requires)
     * @param smtpPort      the shared SMTP server on 127.0.0.1
     */
    static PortalNode start(String name, PostgresSchema schema, String linkKey, int smtpPort) {
        return start(name, schema, linkKey, List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--spring.mail.properties.mail.smtp.timeout=2000",
                "--livecheck.mail.from=" + name + "@nodes.livecheck.test",
                // Both senders poll often, so they race for the same rows.
                "--livecheck.mail.poll-interval-ms=50"));
    }

    /** A node without SMTP (e-mails stay PENDING), with {@code extraArgs} such as bootstrap settings. */
    static PortalNode start(String name, PostgresSchema schema, String linkKey, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + schema.url(),
                "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=" + schema.password(),
                "--livecheck.link-key=" + linkKey,
                "--livecheck.setup-code-file=" + setupCodeFile(name),
                "--spring.main.banner-mode=off"));
        args.addAll(extraArgs);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LivecheckApplication.class)
                .profiles("postgres")
                .run(args.toArray(String[]::new));
        return new PortalNode(name, context);
    }

    String name() {
        return name;
    }

    /** Each node has its own setup code, in its own file (as a node on its own host would). */
    private static Path setupCodeFile(String name) {
        return Path.of("target", "multinode", name + "-" + UUID.randomUUID(), "setup-code").toAbsolutePath();
    }

    /** The setup code this node printed and wrote while no business exists. */
    String setupCode() {
        try {
            return Files.readString(Path.of(context.getEnvironment().getRequiredProperty("livecheck.setup-code-file")))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String randomLinkKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String sender() {
        return name + "@nodes.livecheck.test";
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
