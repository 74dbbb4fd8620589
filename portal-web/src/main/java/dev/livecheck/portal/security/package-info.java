/** Sign-in and authorisation: the security filter chain and headers, the portal principal (user id + business id), password checking in constant time, the sign-in throttle with trusted browsers, the steps a sign-in may still owe (second factor, own password) and the absolute session lifetime. */
package dev.livecheck.portal.security;
