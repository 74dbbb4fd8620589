package dev.livecheck.portal.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What may stand in an application's list of origins allowed to embed the capture page, and how it is stored. */
class AllowedOriginsTest {

    @Test
    void originsAreNormalisedAndDuplicatesDropped() {
        AllowedOrigins.Parsed parsed = AllowedOrigins.parse("""
                https://Shop.Example

                  HTTPS://shop.example/\r
                https://shop.example:443
                https://shop.example:8443
                http://localhost:3000
                http://LOCALHOST:80
                http://127.0.0.1:8080
                https://[::1]:9443
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.origins()).containsExactly("https://shop.example", "https://shop.example:8443",
                "http://localhost:3000", "http://localhost", "http://127.0.0.1:8080", "https://[::1]:9443");
    }

    @Test
    void nothingTypedMeansNoEmbedding() {
        assertThat(AllowedOrigins.parse(null)).isEqualTo(new AllowedOrigins.Parsed(List.of(), List.of()));
        assertThat(AllowedOrigins.parse(" \n\n ").origins()).isEmpty();
        assertThat(AllowedOrigins.parse(" \n\n ").problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example                | application.origins.notHttps
            http://localhost.evil.example      | application.origins.notHttps
            http://127.0.0.2                   | application.origins.notHttps
            http://[::1]                       | application.origins.notHttps
            https://shop.example/path          | application.origins.hasPath
            https://shop.example/?a=1          | application.origins.hasPath
            https://shop.example#top           | application.origins.hasPath
            https://shop.example:8443/embed    | application.origins.hasPath
            shop.example                       | application.origins.invalid
            //shop.example                     | application.origins.invalid
            ftp://shop.example                 | application.origins.invalid
            javascript:alert(1)                | application.origins.invalid
            https://                           | application.origins.invalid
            https://*.shop.example             | application.origins.invalid
            https://user:pw@shop.example       | application.origins.invalid
            https://shop.example:0             | application.origins.invalid
            https://shop.example:70000         | application.origins.invalid
            https://shop_example.test          | application.origins.invalid
            https://shop.example;script-src *  | application.origins.invalid
            https://shop.example https://b.test | application.origins.invalid
            'https://shop.example, https://b.test' | application.origins.invalid
            https://bücher.example             | application.origins.invalid
            """)
    void eachRefusedLineIsNamedWithItsReason(String line, String code) {
        AllowedOrigins.Parsed parsed = AllowedOrigins.parse("https://ok.example\n" + line);

        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.args()).containsExactly(line);
        });
    }

    @Test
    void everyBadLineIsReportedNotJustTheFirst() {
        AllowedOrigins.Parsed parsed = AllowedOrigins.parse(
                "http://a.example\nhttps://ok.example\nhttps://b.example/x");

        assertThat(parsed.problems()).extracting(AllowedOrigins.Problem::code)
                .containsExactly("application.origins.notHttps", "application.origins.hasPath");
        assertThat(parsed.problems()).extracting(problem -> problem.args()[0])
                .containsExactly("http://a.example", "https://b.example/x");
    }

    @Test
    void twentyDistinctOriginsAreAcceptedAndDuplicatesDoNotCount() {
        AllowedOrigins.Parsed parsed = AllowedOrigins.parse(shops(20) + "\nhttps://shop1.example/");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.origins()).hasSize(AllowedOrigins.MAX_ORIGINS);
    }

    @Test
    void aTwentyFirstIsRefused() {
        assertThat(AllowedOrigins.parse(shops(21)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("application.origins.tooMany");
            assertThat(problem.args()).containsExactly(AllowedOrigins.MAX_ORIGINS, 21);
        });
    }

    @Test
    void aLongLineIsQuotedShortened() {
        String line = "https://shop.example/" + "x".repeat(500);

        Object quoted = AllowedOrigins.parse(line).problems().get(0).args()[0];

        assertThat(quoted.toString()).hasSize(81).startsWith("https://shop.example/").endsWith("…");
    }

    private static String shops(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "https://shop" + i + ".example")
                .collect(Collectors.joining("\n"));
    }
}
