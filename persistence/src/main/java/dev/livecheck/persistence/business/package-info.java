/** Businesses: the tenants. Every other table belongs to exactly one business. */
// Not @NullMarked (JSpecify) like the other packages: Spring Data would then reject every null argument and null
// result of this package's repositories at run time, and their nullable parameters are not annotated yet.
package dev.livecheck.persistence.business;
