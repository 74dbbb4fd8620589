package dev.livecheck.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livecheck.core.attempt.Challenge;
import dev.livecheck.core.recording.Recording;
import dev.livecheck.core.recording.RecordingReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusAndY4mTest {

    @Test
    void corpusHasOneReadableRecordingPerJobAndLabels(@TempDir Path dir) throws Exception {
        List<CorpusGenerator.Job> jobs = CorpusGenerator.plan(5, 1, 1, EnumSet.allOf(Species.class));
        assertThat(jobs).hasSize(Species.values().length);
        List<CorpusGenerator.Label> labels = CorpusGenerator.generate(dir, jobs, 2);
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("recording,species,challenges,performed,face");
        assertThat(lines).hasSize(jobs.size() + 1);
        for (int i = 0; i < jobs.size(); i++) {
            CorpusGenerator.Job job = jobs.get(i);
            assertThat(job.name()).matches("[a-z_]+-\\d{4}");
            assertThat(lines.get(i + 1)).startsWith(job.name() + "," + job.species() + ",");
            Recording r = new RecordingReader().read(dir.resolve(job.name()));
            assertThat(r.challenges()).isEqualTo(job.listed());
            assertThat(r.frames()).hasSize(labels.get(i).frames());
        }
    }

    @Test
    void planIsDeterministicAndChallengesNeverRepeatImmediately() {
        List<CorpusGenerator.Job> a = CorpusGenerator.plan(42, 20, 5, EnumSet.allOf(Species.class));
        List<CorpusGenerator.Job> b = CorpusGenerator.plan(42, 20, 5, EnumSet.allOf(Species.class));
        assertThat(a).isEqualTo(b).hasSize(20 + 5 * (Species.values().length - 1));
        for (CorpusGenerator.Job job : a) {
            assertThat(job.listed()).hasSizeBetween(2, 3);
            for (int i = 1; i < job.listed().size(); i++) {
                assertThat(job.listed().get(i)).isNotEqualTo(job.listed().get(i - 1));
            }
        }
        // filtering species does not change the others' recordings
        List<CorpusGenerator.Job> prints = CorpusGenerator.plan(42, 20, 5, EnumSet.of(Species.PRINT_MOVED));
        assertThat(a).containsAll(prints);
        assertThat(ChallengeLists.draw(new Random(1))).isEqualTo(ChallengeLists.draw(new Random(1)));
    }

    @Test
    void y4mHasTheFakeCameraHeaderAndWholeI420Frames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.y4m");
        long frames = Y4mWriter.render(file, Species.BONA_FIDE, List.of(Challenge.TURN_LEFT, Challenge.LOOK_UP), 3, 15);
        byte[] bytes = Files.readAllBytes(file);
        String header = "YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n";
        assertThat(new String(bytes, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat((long) bytes.length).isEqualTo(header.length() + frames * Y4mWriter.frameBytes(640, 480));
        assertThat(frames).isBetween(15L * 4, 15L * 8); // 4-8 s of a two-challenge attempt at 15 fps
        assertThat(new String(bytes, header.length(), 6, StandardCharsets.US_ASCII)).isEqualTo("FRAME\n");
    }

    @Test
    void y4mWriterStoresI420Planes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Y4mWriter w = new Y4mWriter(out, 64, 48, 15);
                Mat grey = new Mat(48, 64, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0))) {
            w.write(grey);
            w.write(grey);
        }
        byte[] bytes = out.toByteArray();
        int header = Y4mWriter.header(64, 48, 15).length();
        assertThat(bytes).hasSize(header + 2 * (6 + 64 * 48 * 3 / 2));
        assertThat(bytes[header + 6] & 0xff).isBetween(126, 130); // luma of mid grey
        assertThat(bytes[header + 6 + 64 * 48] & 0xff).isBetween(126, 130); // neutral chroma
    }
}
