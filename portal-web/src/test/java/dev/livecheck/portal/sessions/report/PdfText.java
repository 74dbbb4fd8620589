package dev.livecheck.portal.sessions.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF read back with PDFBox: its text (line breaks as spaces), its distinct images and its fonts. */
record PdfText(String text, int pages, List<PDImageXObject> images, List<String> fonts, boolean allFontsEmbedded,
               String title) {

    /** Reads the PDF; public so the API tests read the same way. */
    public static PdfText read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            List<PDImageXObject> images = new ArrayList<>();
            List<String> fonts = new ArrayList<>();
            boolean[] embedded = {true};
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PDPage page : document.getPages()) {
                collect(page.getResources(), images, fonts, embedded, seen);
            }
            return new PdfText(text, document.getNumberOfPages(), images, fonts, embedded[0],
                    document.getDocumentInformation().getTitle());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(PDResources resources, List<PDImageXObject> images, List<String> fonts,
                                boolean[] embedded, Set<Object> seen) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (!fonts.contains(font.getName())) {
                fonts.add(font.getName());
            }
            embedded[0] &= font.isEmbedded();
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                // one image drawn on two pages is one image
                if (seen.add(image.getCOSObject())) {
                    images.add(image);
                }
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), images, fonts, embedded, seen);
            }
        }
    }
}
