package dev.livecheck.portal.sessions.report;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.livecheck.portal.sessions.ReportFormats;
import dev.livecheck.portal.web.ReasonTexts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link SessionDocument} to PDF: the Thymeleaf template {@code sessions/report/pdf.html} (XHTML, labels
 * from the message bundles in the given locale) laid out by openhtmltopdf on PDFBox. Every text is set in the
 * embedded DejaVu Sans (subset), never in a PDF base font, so umlauts and ß show the same on every viewer; images are
 * embedded as stored.
 */
@Component
class PdfRenderer {
    static final String TEMPLATE = "sessions/report/pdf";
    static final String FONT_FAMILY = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final ReasonTexts reasons;
    /** Read once: the renderer parses them per document, but the jar need not be read each time. */
    private final byte[] regular = font("/fonts/DejaVuSans.ttf");
    private final byte[] bold = font("/fonts/DejaVuSans-Bold.ttf");
    /**
     * Font metrics parsed once and kept for every later document (openhtmltopdf's own cache, thread-safe): parsing
     * both TrueType files was most of a render's time.
     */
    private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();
    /** The template's folder, against which its stylesheet link resolves. */
    private final String baseUri;

    PdfRenderer(ITemplateEngine templates, ReasonTexts reasons) {
        this.templates = templates;
        this.reasons = reasons;
        URL css = PdfRenderer.class.getResource("/templates/sessions/report/pdf.css");
        if (css == null) {
            throw new IllegalStateException("templates/sessions/report/pdf.css is missing from the classpath");
        }
        this.baseUri = css.toExternalForm();
    }

    /** The XHTML the PDF is laid out from (tests read it too). */
    String html(SessionDocument document, Locale locale, Instant generatedAt) {
        Context context = new Context(locale, Map.of("doc", document,
                "generatedAt", ReportFormats.instant(generatedAt),
                "fmt", new PdfFormats.Fmt(),
                "reasons", new PdfFormats.Reasons(reasons, locale)));
        return templates.process(TEMPLATE, context);
    }

    void render(SessionDocument document, Locale locale, Instant generatedAt, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Livecheck");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontMetrics);
        // Tagged PDF (PDF/UA): screen readers get the structure and the images' alt texts; it also leaves out the
        // non-embeddable base-14 fonts, so no glyph can fall back to a viewer's font.
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html(document, locale, generatedAt), baseUri);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
