package dev.livecheck.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.report.Reasons;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every UI string exists in English and German: both bundles have exactly the same keys, each once. */
class MessageBundlesTest {

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        Properties english = load("/messages.properties");
        Properties german = load("/messages_de.properties");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english).isNotEmpty();
    }

    @Test
    void everyReasonTheEngineCanGiveHasWordsInBothLanguages() throws IOException {
        for (String resource : List.of("/messages.properties", "/messages_de.properties")) {
            Properties bundle = load(resource);
            assertThat(Reasons.ALL).as(resource).isNotEmpty()
                    .allSatisfy(code -> assertThat(bundle.getProperty(ReasonTexts.PREFIX + code)).as(code).isNotBlank());
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        // Properties keeps the last of two definitions silently: a second one is a rule written twice
        for (String resource : List.of("/messages.properties", "/messages_de.properties")) {
            try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
                List<String> keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                        .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
                assertThat(keys).as(resource).doesNotHaveDuplicates();
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
