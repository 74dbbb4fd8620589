/**
 * The outcome of one attempt as immutable values: recommendation,
 * {@code liveness_auth}, reason code, every sub-check with its numeric
 * details, the three kept images and timings; serialisable to JSON.
 */
@NullMarked
package dev.livecheck.core.report;

import org.jspecify.annotations.NullMarked;
