/** Sign-in and authorisation: the security filter chain and headers, the portal principal (user id + business id), password encoding and the login lockout. */
package dev.livecheck.portal.security;
