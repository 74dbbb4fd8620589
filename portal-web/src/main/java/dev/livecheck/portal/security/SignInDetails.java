package dev.livecheck.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What a sign-in knows of its request besides e-mail and password: the client address (the real one behind a trusted
 * TLS proxy, see server.forward-headers-strategy) and the {@link TrustedBrowsers} token, if any.
 */
record SignInDetails(String remoteAddress, String browserToken) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final AuthenticationDetailsSource<HttpServletRequest, SignInDetails> SOURCE =
            request -> new SignInDetails(request.getRemoteAddr(), TrustedBrowsers.tokenOf(request));

    @Override
    public String toString() {
        return "SignInDetails[remoteAddress=" + remoteAddress + "]";
    }
}
