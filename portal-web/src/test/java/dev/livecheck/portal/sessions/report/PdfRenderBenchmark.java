package dev.livecheck.portal.sessions.report;

import com.openhtmltopdf.util.XRLog;
import dev.livecheck.portal.web.ReasonTexts;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * How long the session report PDF of a session with three attempts, each with three 640x480 JPEGs, takes to render:
 * the portal's template, messages and fonts, without a database or a web request (reading a session is a handful of
 * indexed rows). Not a test: run it and report the figures (docs/performance.md, "Session report PDF"):
 * {@code ./mvnw -q -o -Ddemo.skip -pl portal-web -am test-compile exec:java@report-bench -Dexec.skip=true}.
 * Optional arguments: warm-up renders, measured renders (default 20 and 50), a file to write the PDF with images to
 * (to look at it: {@code pdftoppm -png -r 60 FILE page}).
 */
public final class PdfRenderBenchmark {
    private PdfRenderBenchmark() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // openhtmltopdf logs each render at INFO (the portal sets com.openhtmltopdf to WARN in application.yml)
        XRLog.setLoggingEnabled(false);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        PdfRenderer renderer = new PdfRenderer(engine, new ReasonTexts(messages));

        SessionDocument withImages = ReportFixtures.fixedDocument(3, true, 640, 480);
        SessionDocument withoutImages = ReportFixtures.fixedDocument(3, false, 640, 480);
        long imageBytes = withImages.attempts().stream().flatMap(a -> a.images().stream())
                .mapToLong(i -> i.bytes().length).sum();
        System.out.printf(Locale.ROOT, "3 attempts, %d images of 640x480 (%d KiB of JPEG), %d warm-up, %d measured%n",
                withImages.embeddedImageCount(), imageBytes / 1024, warmUp, runs);
        if (args.length > 2) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(args[2]), render(renderer, withImages));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        report("with images", measure(renderer, withImages, warmUp, runs));
        report("without images", measure(renderer, withoutImages, warmUp, runs));
    }

    /** Wall-clock and CPU milliseconds per render (CPU: this thread's, which a busy machine does not inflate). */
    private record Result(double[] millis, double[] cpuMillis, int bytes) {
    }

    private static Result measure(PdfRenderer renderer, SessionDocument document, int warmUp, int runs) {
        int size = 0;
        for (int i = 0; i < warmUp; i++) {
            size = render(renderer, document).length;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            render(renderer, document);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        return new Result(millis, cpu, size);
    }

    private static byte[] render(PdfRenderer renderer, SessionDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(document, Locale.ENGLISH, Instant.parse("2026-03-02T10:15:30Z"), out);
        return out.toByteArray();
    }

    private static void report(String name, Result r) {
        double[] m = r.millis();
        double[] c = r.cpuMillis();
        System.out.printf(Locale.ROOT, "%-15s wall: median %6.1f ms  p95 %6.1f ms  min %6.1f ms | CPU: median %6.1f ms"
                        + "  p95 %6.1f ms | PDF %d KiB%n",
                name, m[m.length / 2], m[(int) Math.ceil(m.length * 0.95) - 1], m[0], c[c.length / 2],
                c[(int) Math.ceil(c.length * 0.95) - 1], r.bytes() / 1024);
    }
}
