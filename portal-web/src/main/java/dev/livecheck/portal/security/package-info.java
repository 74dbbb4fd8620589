/** Sign-in and authorisation: the security filter chain and headers, the portal principal (user id + business id), password checking in constant time, the sign-in throttle with trusted browsers, the steps a sign-in may still owe (second factor, own password) and the absolute session lifetime. */
@NullMarked
@ApplicationModule(allowedDependencies = {"web"})
package dev.livecheck.portal.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
