package dev.livecheck.portal.account;

import dev.livecheck.persistence.audit.AuditAction;
import dev.livecheck.persistence.audit.AuditLog;
import dev.livecheck.persistence.audit.AuditTarget;
import dev.livecheck.persistence.business.Businesses;
import dev.livecheck.persistence.sessions.CaptureTokens;
import dev.livecheck.persistence.users.PortalUser;
import dev.livecheck.persistence.users.PortalUsers;
import dev.livecheck.persistence.users.RecoveryCode;
import dev.livecheck.persistence.users.RecoveryCodes;
import dev.livecheck.persistence.users.Role;
import dev.livecheck.portal.email.LinkSealer;
import dev.livecheck.portal.security.PortalPrincipal;
import dev.livecheck.portal.security.SignInThrottle;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional TOTP second factor: set up with an authenticator app (QR code), checked after the password, with ten
 * single-use recovery codes for a lost phone. The secret is stored sealed under the link key (a database copy alone
 * does not reveal it); recovery codes (124 random bits each) only as SHA-256. Wrong codes count against the account like wrong passwords
 * ({@link SignInThrottle}), and a code is accepted once.
 */
@Service
class SecondFactor {
    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Livecheck";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Outcome { OK, WRONG, THROTTLED, REQUIRED }

    private final PortalUsers users;
    private final RecoveryCodes recoveryCodes;
    private final Businesses businesses;
    private final LinkSealer sealer;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactor(PortalUsers users, RecoveryCodes recoveryCodes, Businesses businesses, LinkSealer sealer,
                 SignInThrottle throttle, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.businesses = businesses;
        this.sealer = sealer;
        this.throttle = throttle;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    PortalUser user(PortalPrincipal me) {
        return users.findByBusinessIdAndId(me.businessId(), me.userId()).orElseThrow();
    }

    /** The otpauth URI an authenticator app reads from the QR code. */
    static String otpauthUri(String email, String base32Secret) {
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /**
     * Turns the factor on once the app proves it has the secret (a right code for it).
     *
     * @return the recovery codes to show once, or empty when the code was wrong
     */
    @Transactional
    Optional<List<String>> enable(PortalPrincipal me, String currentPassword, String base32Secret, String code,
                                  String address) {
        Instant now = clock.instant();
        PortalUser user = user(me);
        // re-authentication (ASVS 7.5.1): a hijacked session must not bind the attacker's authenticator
        boolean passwordRight = currentPassword != null && currentPassword.length() <= 1000
                && throttle.waitBefore(me.getUsername(), address, false).isEmpty()
                && encoder.matches(currentPassword, user.passwordHash());
        OptionalLong step = Totp.matchingStep(Totp.fromBase32(base32Secret), code, now);
        if (!passwordRight || step.isEmpty()) {
            throttle.failed(me.getUsername(), address, Optional.of(user));
            return Optional.empty();
        }
        users.changeTotpSecret(me.businessId(), me.userId(), sealer.sealValue(base32Secret));
        users.acceptTotpStep(me.businessId(), me.userId(), step.getAsLong());
        audit.insert(me.audited(AuditAction.TOTP_ENABLED, AuditTarget.USER,
                me.userId().toString(), null, now));
        return Optional.of(newRecoveryCodes(me));
    }

    /** Replaces the recovery codes (the old ones stop working). */
    @Transactional
    List<String> newRecoveryCodes(PortalPrincipal me) {
        recoveryCodes.deleteAllOf(me.businessId(), me.userId());
        List<String> codes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            // 25 characters of 31: 124 bits, so a plain SHA-256 may store them (ASVS 6.5.2: below 112 bits a
            // salted password hash would be needed)
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 25; c++) {
                if (c > 0 && c % 5 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            recoveryCodes.insert(new RecoveryCode(hashRecovery(code.toString()), me.businessId(), me.userId(), now));
        }
        return codes;
    }

    /** The second step of a sign-in: a TOTP code (once) or an unused recovery code (then gone). */
    @Transactional
    Outcome verify(PortalPrincipal me, String code, String address) {
        if (throttle.waitBefore(me.getUsername(), address, false).isPresent()) {
            return Outcome.THROTTLED;
        }
        PortalUser user = user(me);
        Instant now = clock.instant();
        if (user.hasTotp() && code != null) {
            String entered = code.strip();
            if (entered.replaceAll("\\s", "").matches("[0-9]{" + Totp.DIGITS + "}")) {
                byte[] secret = Totp.fromBase32(sealer.openValue(user.totpSecret()));
                OptionalLong step = Totp.matchingStep(secret, entered, now);
                if (step.isPresent() && users.acceptTotpStep(me.businessId(), me.userId(), step.getAsLong()) == 1) {
                    return Outcome.OK;
                }
            } else if (entered.length() <= 40
                    && recoveryCodes.use(me.businessId(), me.userId(), hashRecovery(entered)) == 1) {
                audit.insert(me.audited(AuditAction.RECOVERY_CODE_USED, AuditTarget.USER,
                        me.userId().toString(), recoveryCodes.countOf(me.businessId(), me.userId()) + " left", now));
                return Outcome.OK;
            }
        }
        throttle.failed(user.email(), address, Optional.of(user));
        audit.insert(me.audited(AuditAction.TOTP_FAILED, AuditTarget.USER,
                me.userId().toString(), null, now));
        return Outcome.WRONG;
    }

    /** Off again, with the current password; refused while the business requires it for this user's role. */
    @Transactional
    Outcome disable(PortalPrincipal me, String currentPassword, String address) {
        PortalUser user = user(me);
        if (required(user)) {
            return Outcome.REQUIRED;
        }
        if (throttle.waitBefore(me.getUsername(), address, false).isPresent()) {
            return Outcome.THROTTLED;
        }
        if (currentPassword == null || currentPassword.length() > 1000
                || !encoder.matches(currentPassword, user.passwordHash())) {
            throttle.failed(user.email(), address, Optional.of(user));
            return Outcome.WRONG;
        }
        users.changeTotpSecret(me.businessId(), me.userId(), null);
        recoveryCodes.deleteAllOf(me.businessId(), me.userId());
        audit.insert(me.audited(AuditAction.TOTP_DISABLED, AuditTarget.USER,
                me.userId().toString(), null, clock.instant()));
        return Outcome.OK;
    }

    boolean required(PortalUser user) {
        return user.role() != Role.REVIEWER && businesses.totpRequired(user.businessId());
    }

    long recoveryCodesLeft(PortalPrincipal me) {
        return recoveryCodes.countOf(me.businessId(), me.userId());
    }

    private static String hashRecovery(String code) {
        return CaptureTokens.hash(code.strip().toLowerCase(Locale.ROOT));
    }
}
