package dev.livecheck.portal.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.portal.PortalWebTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Page 1 of a fixed report (fixed ids, instants and images: {@link ReportFixtures#fixedDocument}), rasterised by
 * poppler's {@code pdftoppm} (Debian package poppler-utils), must look like the stored rendering
 * {@code src/test/resources/sessions/report/golden-page1.png} within a tolerance that absorbs anti-aliasing, not a
 * moved, missing or changed block. After an intended change of the layout, regenerate the golden page with
 * {@code -Dlivecheck.golden.update=true} and look at it before committing it.
 */
class GoldenPdfRenderingTest extends PortalWebTest {
    static final String GOLDEN = "sessions/report/golden-page1.png";
    /** A pixel differs when its grey level moved by more than this (of 255). */
    static final int PIXEL_TOLERANCE = 64;
    /** At most this share of the page's pixels may differ. */
    static final double MAX_DIFFERING_SHARE = 0.004;

    @Autowired
    PdfRenderer renderer;

    @TempDir
    Path dir;

    @Test
    void pageOneLooksLikeTheStoredRendering() throws Exception {
        BufferedImage actual = pageOne(ReportFixtures.fixedDocument(2, true, 160, 120));
        if (Boolean.getBoolean("livecheck.golden.update")) {
            Path target = Paths.get("src/test/resources", GOLDEN);
            Files.createDirectories(target.getParent());
            ImageIO.write(actual, "png", target.toFile());
        }
        assertThat(differingShare(actual, golden())).isLessThanOrEqualTo(MAX_DIFFERING_SHARE);
    }

    @Test
    void theComparisonNoticesAChangedReport() throws Exception {
        BufferedImage golden = golden();
        // the same session in German: every label differs, the layout is the same
        BufferedImage changed = pageOne(ReportFixtures.fixedDocument(2, true, 160, 120), Locale.GERMAN);

        assertThat(differingShare(changed, golden)).isGreaterThan(MAX_DIFFERING_SHARE);
    }

    private BufferedImage golden() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + GOLDEN)) {
            assertThat(in).as(GOLDEN + " (generate it with -Dlivecheck.golden.update=true)").isNotNull();
            return ImageIO.read(in);
        }
    }

    private BufferedImage pageOne(SessionDocument document) throws IOException, InterruptedException {
        return pageOne(document, Locale.ENGLISH);
    }

    private BufferedImage pageOne(SessionDocument document, Locale locale) throws IOException, InterruptedException {
        Path pdf = dir.resolve("report-" + System.nanoTime() + ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            renderer.render(document, locale, NOW, out);
        }
        Path png = dir.resolve("page-" + System.nanoTime());
        Process process;
        try {
            process = new ProcessBuilder(List.of("pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", "-f", "1",
                    "-l", "1", pdf.toString(), png.toString())).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("pdftoppm is missing: install Debian's poppler-utils "
                    + "(apt-get install poppler-utils), as .ci/run does", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
        assertThat(process.exitValue()).as("pdftoppm: " + output).isZero();
        return ImageIO.read(Path.of(png + ".png").toFile());
    }

    /** The share of pixels whose grey level differs by more than the tolerance; 1 when the sizes differ. */
    static double differingShare(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 1;
        }
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y))) > PIXEL_TOLERANCE) {
                    differing++;
                }
            }
        }
        return (double) differing / ((long) a.getWidth() * a.getHeight());
    }

    private static int grey(int rgb) {
        return ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }
}
