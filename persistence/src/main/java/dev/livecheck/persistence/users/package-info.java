/**
 * Portal users: the people of a business who sign in (login by e-mail), their role, second factor and recovery codes,
 * the browsers they signed in from, and the sign-in throttle.
 */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.users;
