package dev.livecheck.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Which database the tests run against. Default: an in-memory H2. With {@code -Dlivecheck.test.db=postgres} (the
 * Maven profile {@code postgres} sets it): a fresh schema {@code lc_test_<random>} in the PostgreSQL database given by
 * {@code livecheck.test.postgres.url} / {@code .user} / {@code .password}, dropped when the JVM exits.
 */
public final class TestDatabase {
    private static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("livecheck.test.db", "h2"));
    private static final String PG_URL = System.getProperty("livecheck.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("livecheck.test.postgres.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("livecheck.test.postgres.password", "");
    private static String url;

    private TestDatabase() {
    }

    public static boolean postgres() {
        return POSTGRES;
    }

    public static synchronized String url() {
        if (url == null) {
            url = POSTGRES ? createPostgresSchema() : "jdbc:h2:mem:livecheck-test;DB_CLOSE_DELAY=-1";
        }
        return url;
    }

    public static String user() {
        return POSTGRES ? PG_USER : "sa";
    }

    public static String password() {
        return POSTGRES ? PG_PASSWORD : "";
    }

    private static String createPostgresSchema() {
        String schema = "lc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP SCHEMA " + schema + " CASCADE")));
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + ": " + sql + " failed", e);
        }
    }
}
