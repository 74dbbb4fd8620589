package dev.livecheck.core.engine;

/**
 * How JavaCPP accounts for the native memory behind OpenCV's Mats, set once per process before the first JavaCPP
 * class loads (the CLI's and the portal's {@code main} call {@link #configure} first).
 *
 * <p>By default JavaCPP reads the process's resident size on every native allocation it tracks, inside a lock that
 * every thread allocating a Mat shares, to force a garbage collection when that size passes twice the heap. A
 * tracked frame allocates about twenty Mats, so that check alone was 2 % of the engine's time on one thread and a point
 * where two engine threads wait for each other (docs/performance.md, "JavaCPP's physical-memory check"). The engine
 * frees its Mats itself (try-with-resources), and JavaCPP's own count of the bytes it allocated
 * ({@code org.bytedeco.javacpp.maxBytes}, by default the heap's size) still triggers a collection if anything is
 * left to the garbage collector, so the resident-size check is turned off. An operator's own
 * {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes} wins.
 */
public final class NativeMemory {

    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemory() {
    }

    /** Turns off JavaCPP's resident-size check unless the operator set it; a no-op once JavaCPP has loaded. */
    public static void configure() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
