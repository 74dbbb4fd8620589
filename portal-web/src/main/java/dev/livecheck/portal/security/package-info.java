/** Sign-in and authorisation: the security filter chain and headers, the portal principal (user id + business id), password checking in constant time, the sign-in throttle with trusted browsers, the steps a sign-in may still owe (second factor, own password), the absolute session lifetime, and the metrics scrape token (a scraper's only credential, for the prometheus endpoint alone). */
@NullMarked
@ApplicationModule(allowedDependencies = {"web"})
package dev.livecheck.portal.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
