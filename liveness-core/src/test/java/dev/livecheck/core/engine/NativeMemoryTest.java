package dev.livecheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NativeMemory.MAX_PHYSICAL_BYTES);
        } else {
            System.setProperty(NativeMemory.MAX_PHYSICAL_BYTES, before);
        }
    }

    @Test
    void turnsTheResidentSizeCheckOff() {
        System.clearProperty(NativeMemory.MAX_PHYSICAL_BYTES);

        NativeMemory.configure();

        assertThat(System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES)).isEqualTo("0");
    }

    @Test
    void leavesAnOperatorsSettingAlone() {
        System.setProperty(NativeMemory.MAX_PHYSICAL_BYTES, "8g");

        NativeMemory.configure();

        assertThat(System.getProperty(NativeMemory.MAX_PHYSICAL_BYTES)).isEqualTo("8g");
    }
}
