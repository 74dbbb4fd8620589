package dev.livecheck.persistence.sessions;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What an API caller asked for when it created a session: the token and resource lifetimes (seconds) and the
 * capture page's {@code sdk_config} (colour, locale, redirects, privacy policy) and where to send notifications
 * ({@code notificationTopics} comma-separated, the auth token sealed by the portal). Deleted with its session.
 * Values are validated by the API before they get here; the record only keeps the invariants the database checks.
 */
@Table
public record SessionApiRequest(@Id UUID sessionId, UUID businessId, int clientSessionTokenTtl, int resourcesTtl,
                                Instant resourcesExpireAt, @Nullable String primaryColour, @Nullable String locale,
                                @Nullable String successUrl, @Nullable String errorUrl,
                                @Nullable String privacyPolicyUrl, @Nullable String notificationEndpoint,
                                @Nullable String notificationTopics, @Nullable String notificationAuthType,
                                @Nullable String notificationAuthTokenSealed) {

    public SessionApiRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(resourcesExpireAt, "resourcesExpireAt");
        if (clientSessionTokenTtl <= 0 || resourcesTtl < clientSessionTokenTtl) {
            throw new IllegalArgumentException("resources_ttl must be at least client_session_token_ttl (> 0)");
        }
        if (notificationEndpoint == null && (notificationTopics != null || notificationAuthType != null
                || notificationAuthTokenSealed != null)) {
            throw new IllegalArgumentException("notification settings need an endpoint");
        }
    }
}
