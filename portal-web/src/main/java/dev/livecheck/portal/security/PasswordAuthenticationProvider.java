package dev.livecheck.portal.security;

import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.support.EmailAddresses;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.security.PortalPrincipal.Step;
import dev.livecheck.portal.web.PasswordPolicy;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The form login's check, in place of Spring's DaoAuthenticationProvider, whose account checks run before the
 * password's and so answer a disabled account faster than a wrong password. Here the order is: the throttle (same for
 * known and unknown e-mails, no BCrypt: nothing is checked), then BCrypt always, against the account's hash or a dummy
 * one of the same cost, so unknown, disabled and known accounts take the same time; only a right password for a
 * disabled account learns that it is disabled. A password over BCrypt's 72 bytes cannot be anyone's: it is answered
 * as such (after the same BCrypt work) instead of the encoder's exception.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {
    private final PortalUsers users;
    private final Businesses businesses;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TrustedBrowsers browsers;
    private final LoginAttempts attempts;
    /** Hashed once at start with the encoder's own settings, so the dummy check costs what a real one costs. */
    private final String dummyHash;

    PasswordAuthenticationProvider(PortalUsers users, Businesses businesses, PasswordEncoder encoder,
                                   SignInThrottle throttle, TrustedBrowsers browsers, LoginAttempts attempts) {
        this.users = users;
        this.businesses = businesses;
        this.encoder = encoder;
        this.throttle = throttle;
        this.browsers = browsers;
        this.attempts = attempts;
        this.dummyHash = encoder.encode("no account has this password " + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d
                : new SignInDetails(null, null);
        Optional<PortalUser> account = email.isEmpty() || email.length() > EmailAddresses.MAX_LENGTH ? Optional.empty()
                : users.findByLoginEmail(email);

        boolean trusted = account.isPresent() && browsers.isTrusted(details.browserToken(), account.get());
        Optional<Duration> wait = throttle.waitBefore(email, details.remoteAddress(), trusted);
        if (wait.isPresent()) {
            throw SignInRefusedException.throttled(wait.get());
        }

        boolean tooLong = PasswordPolicy.tooLong(password);
        // BCrypt runs on every path; an over-long password is checked against the dummy (and cannot match).
        String hash = account.filter(u -> !tooLong).map(PortalUser::passwordHash).orElse(dummyHash);
        boolean matches = encoder.matches(tooLong ? password.substring(0, 36) : password, hash)
                && account.isPresent() && !tooLong;
        if (!matches) {
            throttle.failed(email, details.remoteAddress(), account);
            account.ifPresent(attempts::failed);
            throw tooLong ? SignInRefusedException.tooLong() : new BadCredentialsException("bad credentials");
        }
        PortalUser user = account.get();
        if (!user.enabled()) {
            throw new DisabledException("account disabled by an owner");
        }
        throttle.succeeded(email);
        PortalPrincipal principal = PortalPrincipal.of(user, firstStep(user));
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        done.setDetails(details);
        return done;
    }

    /** What the sign-in still owes after the password. */
    private Step firstStep(PortalUser user) {
        return user.hasTotp() ? Step.SECOND_FACTOR : stepAfterSecondFactor(user, businesses);
    }

    /** What it owes once the second factor (if any) is done. */
    static Step stepAfterSecondFactor(PortalUser user, Businesses businesses) {
        if (user.passwordChangeRequired()) {
            return Step.PASSWORD_CHANGE;
        }
        if (!user.hasTotp() && user.role() != Role.REVIEWER && businesses.totpRequired(user.businessId())) {
            return Step.SECOND_FACTOR_SETUP;
        }
        return Step.NONE;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
