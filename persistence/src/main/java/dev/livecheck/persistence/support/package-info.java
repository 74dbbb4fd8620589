/** Small building blocks shared by the feature packages: the insert-only repository fragment and SQL helpers. */
package dev.livecheck.persistence.support;
