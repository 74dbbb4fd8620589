package dev.livecheck.portal.setup;

import dev.livecheck.persistence.PersistenceConfiguration;
import dev.livecheck.persistence.business.Business;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.portal.web.PasswordPolicy;
import java.io.Console;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Adds a further business to an installation, for operators who host several: the setup page only creates the first.
 * Runs with the portal's configuration (application.yml, environment, arguments: the same database) but only the
 * persistence part of it, no web server or jobs; writes the business and its OWNER (audited), and exits.
 *
 * <pre>
 * LIVECHECK_OWNER_PASSWORD='at least twelve chars' \
 *   java -jar livecheck-portal.jar add-business --name "Beta GmbH" --owner-name "Bea Owner" --owner-email bea@beta.example
 * </pre>
 *
 * Without {@code LIVECHECK_OWNER_PASSWORD} the password is asked for on the terminal. Any further {@code --key=value}
 * argument is Spring configuration, as for the portal itself (e.g. {@code --spring.datasource.url=...}). Exit codes:
 * 0 created, 1 refused (the e-mail is already an account) or the database could not be opened (an H2 file database is
 * locked while the portal runs), 2 wrong arguments.
 */
public final class AddBusinessCommand {
    public static final String NAME = "add-business";
    public static final String PASSWORD_VARIABLE = "LIVECHECK_OWNER_PASSWORD";
    private static final String USAGE = "usage: java -jar livecheck-portal.jar " + NAME
            + " --name <business> --owner-name <name> --owner-email <e-mail> [--spring.property=value ...]\n"
            + "  the owner's password comes from " + PASSWORD_VARIABLE + " or is asked for on the terminal";

    private AddBusinessCommand() {
    }

    public static boolean isInvocation(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> springArgs = new ArrayList<>();
        try {
            parse(Arrays.copyOfRange(args, 1, args.length), options, springArgs);
            String password = password(environment);
            return create(options, password, springArgs, out, err);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static void parse(String[] args, Map<String, String> options, List<String> springArgs) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else if (List.of("--name", "--owner-name", "--owner-email").contains(arg)) {
                if (i + 1 >= args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg.substring(2), args[++i].strip());
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        for (String required : List.of("name", "owner-name", "owner-email")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        if (options.get("name").length() > Business.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("--name may have at most " + Business.MAX_NAME_LENGTH + " characters");
        }
        if (options.get("owner-name").length() > PortalUser.MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("--owner-name may have at most " + PortalUser.MAX_DISPLAY_NAME_LENGTH
                    + " characters");
        }
        String email = options.get("owner-email");
        if (!EmailAddresses.isValid(email)) {
            throw new IllegalArgumentException("--owner-email is not an e-mail address: " + email);
        }
    }

    private static String password(Map<String, String> environment) {
        String password = environment.get(PASSWORD_VARIABLE);
        if (password == null) {
            password = askTwice(System.console());
        }
        PasswordPolicy.Problem problem = PasswordPolicy.check(password);
        if (problem != null) {
            throw new IllegalArgumentException("the owner's password " + problem.describe());
        }
        return password;
    }

    private static String askTwice(Console console) {
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password: set " + PASSWORD_VARIABLE);
        }
        char[] first = console.readPassword("Password for the new owner: ");
        char[] second = console.readPassword("The same password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two passwords differ");
        }
        return new String(first);
    }

    private static int create(Map<String, String> options, String password, List<String> springArgs, PrintStream out,
                              PrintStream err) {
        ConfigurableApplicationContext context;
        try {
            // the command reports for itself: Spring's own start-up logging stays quiet
            context = new SpringApplicationBuilder(CommandConfiguration.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).properties("spring.main.banner-mode=off", "logging.level.root=OFF")
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println(NAME + ": could not open the database: " + rootCause(e).getMessage());
            err.println("  With the default H2 file database stop the portal first (only one process may open it);"
                    + " with PostgreSQL the command can run beside the portal. Nothing was created.");
            return 1;
        }
        try (context) {
            String hash = context.getBean(PasswordEncoder.class).encode(password);
            Business business = context.getBean(BusinessRegistration.class).register(options.get("name"),
                    options.get("owner-name"), options.get("owner-email"), hash, NAME + " command");
            out.printf("Created business '%s' (%s) with OWNER %s. Sign in at %s/login%n", business.name(),
                    business.id(), options.get("owner-email").toLowerCase(Locale.ROOT),
                    context.getEnvironment().getProperty("livecheck.public-base-url", ""));
            return 0;
        } catch (DataIntegrityViolationException e) {
            err.println(NAME + ": refused: " + options.get("owner-email") + " is already an account"
                    + " (e-mail addresses are unique across businesses); nothing was created");
            return 1;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Database, Flyway, repositories and the registration; the password encoder is the portal's (delegating, bcrypt).
     * Deliberately not a @Configuration: the portal's component scan must not pick it up.
     */
    @EnableAutoConfiguration
    @Import({PersistenceConfiguration.class, BusinessRegistration.class})
    static class CommandConfiguration {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }
    }
}
