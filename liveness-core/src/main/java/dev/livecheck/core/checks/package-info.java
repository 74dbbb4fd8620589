/**
 * The sub-checks that judge an attempt's evidence, each on its own physics,
 * and the {@link dev.livecheck.core.checks.LivenessJudge} that turns them into
 * a report: {@code quality} (could we see one usable face), {@code
 * challenge_response} (were the random challenges done, in order, in time),
 * {@code structure_3d} (does the face show depth parallax, or move as one
 * plane like a print or a screen), {@code continuity} (same face, plausible
 * frame timing, no jumps) and {@code presentation} (screen and print
 * artefacts, including a screen-replay detector: named cues combined by a
 * small logistic model whose fitted weights ship as a resource). Every check
 * reports the numbers it judged.
 */
@NullMarked
package dev.livecheck.core.checks;

import org.jspecify.annotations.NullMarked;
