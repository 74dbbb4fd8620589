/** Businesses: the tenants. Every other table belongs to exactly one business. */
@NullMarked
package dev.livecheck.persistence.business;

import org.jspecify.annotations.NullMarked;
