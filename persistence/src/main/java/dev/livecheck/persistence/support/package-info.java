/** Small building blocks shared by the feature packages: the insert-only repository fragment and SQL helpers. */
@NullMarked
package dev.livecheck.persistence.support;

import org.jspecify.annotations.NullMarked;
