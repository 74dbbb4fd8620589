/**
 * Portal users: the people of a business who sign in (login by e-mail), their role, second factor and recovery codes,
 * the browsers they signed in from, and the sign-in throttle.
 */
@NullMarked
package dev.livecheck.persistence.users;

import org.jspecify.annotations.NullMarked;
