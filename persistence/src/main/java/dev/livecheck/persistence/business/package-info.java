/** Businesses: the tenants. Every other table belongs to exactly one business. */
package dev.livecheck.persistence.business;
