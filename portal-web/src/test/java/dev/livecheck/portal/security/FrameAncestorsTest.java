package dev.livecheck.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Only clean origins reach the header; without any, the response cannot be framed at all. */
class FrameAncestorsTest {

    @Test
    void originsThatAreNotPlainOriginsAreDropped() {
        assertThat(FrameAncestors.usable(List.of("https://Shop.Example", " http://127.0.0.1:5173 ",
                "http://localhost:8080", "https://[::1]:8443", "https://a.example; script-src *", "*", "'self'",
                "https://ok.example/path", "javascript:alert(1)", "https://x.example https://y.example",
                "https://shop.example", "data:", "")))
                .containsExactly("https://shop.example", "http://127.0.0.1:5173", "http://localhost:8080",
                        "https://[::1]:8443");
    }

    @Test
    void allowedOriginsReplaceNoneAndXFrameOptions() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        FrameAncestors.allow(request, List.of("https://shop.example", "http://127.0.0.1:5173"));
        new FramingHeaders().writeHeaders(request, response);

        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'",
                        "frame-ancestors https://shop.example http://127.0.0.1:5173"));
        assertThat(response.getHeader("X-Frame-Options")).isNull();
    }

    @Test
    void withoutAllowedOriginsTheResponseIsNeverFramed() {
        for (List<String> origins : List.of(List.<String>of(), List.of("*", "https://a.example; x"))) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            MockHttpServletResponse response = new MockHttpServletResponse();
            FrameAncestors.allow(request, origins);
            new FramingHeaders().writeHeaders(request, response);
            assertThat(response.getHeader("Content-Security-Policy"))
                    .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        }
        MockHttpServletResponse untouched = new MockHttpServletResponse();
        new FramingHeaders().writeHeaders(new MockHttpServletRequest(), untouched);
        assertThat(untouched.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }
}
