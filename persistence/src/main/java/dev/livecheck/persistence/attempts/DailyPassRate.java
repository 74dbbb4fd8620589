package dev.livecheck.persistence.attempts;

import java.time.LocalDate;

/** Attempts completed on one day: approved / decided (APPROVE or REJECT); NOT_AVAILABLE counts in total only. */
public record DailyPassRate(LocalDate day, long approved, long decided, long total) {
    /** approved / decided, or 0 when nothing was decided that day. */
    public double rate() {
        return decided == 0 ? 0.0 : (double) approved / decided;
    }
}
