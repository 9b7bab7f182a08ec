package io.learnstream.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartMixedWriterTest {
    private static final String JSON = "{\"statements\":[],\"more\":\"\"}";

    @Test
    void shouldWriteTheJsonFirstAndEachAttachmentInTheTransmissionFormat() {
        // given
        byte[] essay = "an essay\r\n--with dashes".getBytes(StandardCharsets.UTF_8);
        byte[] image = {0, 1, 2, (byte) 0xff, '\r', '\n'};
        List<AttachmentContent> attachments = List.of(content("text/plain; charset=utf-8", essay), content("image/png", image));

        // when
        MultipartMixedWriter.Written written = MultipartMixedWriter.write(JSON, attachments);

        // then what a client reads back, every hash checked, is what was written
        assertThat(written.contentType()).startsWith("multipart/mixed; boundary=learnstream-");
        MultipartStatementRequest read = new MultipartStatementReader(1_000).read(written.contentType(), written.body());
        assertThat(new String(read.json(), StandardCharsets.UTF_8)).isEqualTo(JSON);
        assertThat(read.parts()).extracting(AttachmentPart::contentType).containsExactly("text/plain; charset=utf-8", "image/png");
        assertThat(read.parts()).extracting(AttachmentPart::sha2).containsExactly(Sha2.digest("SHA-256", essay), Sha2.digest("SHA-256", image));
        assertThat(read.parts().get(0).content()).isEqualTo(essay);
        assertThat(read.parts().get(1).content()).isEqualTo(image);
        assertThat(new String(written.body(), StandardCharsets.ISO_8859_1)).contains("Content-Transfer-Encoding: binary\r\n");
    }

    @Test
    void shouldWriteOnlyTheJsonPartWhenNoDataIsHeld() {
        // when
        MultipartMixedWriter.Written written = MultipartMixedWriter.write(JSON, List.of());

        // then
        MultipartStatementRequest read = new MultipartStatementReader(1_000).read(written.contentType(), written.body());
        assertThat(new String(read.json(), StandardCharsets.UTF_8)).isEqualTo(JSON);
        assertThat(read.parts()).isEmpty();
    }

    private static AttachmentContent content(String contentType, byte[] data) {
        return new AttachmentContent(Sha2.digest("SHA-256", data), contentType, data);
    }
}
