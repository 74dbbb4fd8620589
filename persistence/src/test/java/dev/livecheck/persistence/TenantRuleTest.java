package dev.livecheck.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.repository.Repository;

/**
 * The tenant rule, checked by reflection: every repository extends the bare {@link Repository} (no CrudRepository &
 * co., whose findById/deleteById would cross tenants) and every method it exposes takes a {@code UUID businessId}
 * parameter, unless it is on the allow-list below with the reason it is global.
 */
class TenantRuleTest {

    private static final Set<String> GLOBAL_BY_NATURE = Set.of(
            // New rows carry their own business id; an existing id fails with a key violation, never overwrites.
            "*.insert",
            // The authenticated principal's own business: the id IS the tenant id.
            "Businesses.findById",
            // First-run setup: is there any business at all?
            "Businesses.count",
            // Metrics scrape token: the installation's credential; a wrong one is audited in every business's log.
            "Businesses.findAllIds",
            // Authentication knows only the login e-mail (unique across businesses).
            "PortalUsers.findByLoginEmail",
            // Sign-in throttle: counted per e-mail hash and per client address before any business is known (and
            // for e-mails that are no account at all); counts and times only.
            "LoginThrottles.find",
            "LoginThrottles.countFailure",
            "LoginThrottles.blockUntil",
            "LoginThrottles.clear",
            "LoginThrottles.deleteStale",
            // A signed API request names only its SDK ID; the application found is the caller's tenant.
            "ApiApplications.findBySdkId",
            // The capture link knows only its token.
            "VerificationSessions.findByCaptureTokenHash",
            // Lifecycle job: expire overdue links of every business (API sessions one by one, see the next entry).
            "VerificationSessions.expireOverdue",
            // Lifecycle job: overdue API sessions of every business, each then expired with its notifications.
            "VerificationSessions.findOverdueCreatedByApi",
            // Lifecycle job: session-record retention of every profile (sessions then found and deleted per business).
            "VerificationSessions.findAllRecordRetentions",
            // Lifecycle job: image retention of every profile (MediaRetention then purges per business).
            "MediaFiles.findAllRetentionPolicies",
            // Lifecycle job: businesses with images of API sessions past resources_expire_at (purged per business).
            "MediaFiles.findBusinessesWithExpiredApiResources",
            // Outbox sender job: finds, claims and completes due e-mails of every business by claim.
            "Outbox.findDue",
            "Outbox.claim",
            "Outbox.markSent",
            "Outbox.markRetry",
            "Outbox.markFailed",
            // Notification sender job: finds, claims and completes due deliveries of every business by claim.
            "NotificationDeliveries.findDue",
            "NotificationDeliveries.claim",
            "NotificationDeliveries.markSent",
            "NotificationDeliveries.markRetry",
            "NotificationDeliveries.markFailed");

    @Test
    void everyRepositoryIsBareAndEveryMethodTakesTheBusinessId() throws ClassNotFoundException {
        List<Class<?>> repositories = repositories();
        assertThat(repositories).extracting(Class::getSimpleName).contains("Businesses", "PortalUsers", "CheckProfiles",
                "VerificationSessions", "Attempts", "MediaFiles", "Outbox", "AuditLog");

        List<String> violations = new ArrayList<>();
        Set<String> allowListUsed = new HashSet<>();
        for (Class<?> repository : repositories) {
            for (Class<?> parent : allInterfaces(repository)) {
                if (parent.getPackageName().startsWith("org.springframework.data") && parent != Repository.class) {
                    violations.add(repository.getSimpleName() + " extends " + parent.getName() + " (use the bare Repository)");
                }
            }
            for (Method method : repository.getMethods()) {
                if (method.isSynthetic() || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                String key = repository.getSimpleName() + "." + method.getName();
                String wildcard = "*." + method.getName();
                if (takesBusinessId(method)) {
                    continue;
                }
                if (GLOBAL_BY_NATURE.contains(key)) {
                    allowListUsed.add(key);
                } else if (GLOBAL_BY_NATURE.contains(wildcard)) {
                    allowListUsed.add(wildcard);
                } else {
                    violations.add(key + " has no UUID businessId parameter and is not on the allow-list");
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(allowListUsed).as("stale allow-list entries").containsExactlyInAnyOrderElementsOf(GLOBAL_BY_NATURE);
    }

    private static boolean takesBusinessId(Method method) {
        for (Parameter p : method.getParameters()) {
            if (!p.isNamePresent()) {
                throw new IllegalStateException("compile with -parameters: " + method);
            }
            if (p.getType() == UUID.class && p.getName().equals("businessId")) {
                return true;
            }
        }
        return false;
    }

    private static Set<Class<?>> allInterfaces(Class<?> type) {
        Set<Class<?>> all = new HashSet<>();
        for (Class<?> i : type.getInterfaces()) {
            all.add(i);
            all.addAll(allInterfaces(i));
        }
        return all;
    }

    private static List<Class<?>> repositories() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition d : scanner.findCandidateComponents(PersistenceConfiguration.class.getPackageName())) {
            found.add(Class.forName(d.getBeanClassName()));
        }
        return found;
    }
}
