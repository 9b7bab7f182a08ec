package io.learnstream.sinks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.learnstream.sinks.spi.DeliveryException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alert e-mail against an in-process SMTP server. */
class SmtpAlertNotifierTest {
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void shouldMailTheTeacherTheAlertsSentenceReasonsAndLinkUnderTheDeliveryId() throws Exception {
        SmtpAlertNotifier notifier = new SmtpAlertNotifier(SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort(), "alerts@learnstream.example.org"));

        notifier.send(Deliveries.toRivera("rivera@riverside.example.org"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("rivera@riverside.example.org");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("alerts@learnstream.example.org");
        assertThat(mail.getSubject()).isEqualTo("learnstream alert for northside-math-6-2: no activity for 9 days");
        assertThat(mail.getMessageID()).isEqualTo("<0f3c2a9b7d1e4c5a8b6f0e2d4c6a8b0f@learnstream>");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Risk 82% of failing or withdrawing", "  - no activity for 9 days", "  - 2 of 3 assignments missed",
                "Student's page: http://localhost:8090/classes/northside-math-6-2/students/ann");
    }

    @Test
    void shouldRefuseAnAddressThatIsNoneForGood() {
        SmtpAlertNotifier notifier = new SmtpAlertNotifier(SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort(), "alerts@learnstream.example.org"));

        assertThatThrownBy(() -> notifier.send(Deliveries.toRivera("not an address")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageStartingWith("not an e-mail address: 'not an address'");
    }

    @Test
    void shouldSayAServerThatCannotBeReachedMayBeRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SmtpAlertNotifier notifier = new SmtpAlertNotifier(SmtpSettings.plain("127.0.0.1", closed, "alerts@learnstream.example.org"));

        assertThatThrownBy(() -> notifier.send(Deliveries.toRivera("rivera@riverside.example.org")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageStartingWith("SMTP server 127.0.0.1:" + closed + " failed");
    }

    @Test
    void shouldMaskThePasswordInItsSettings() {
        assertThat(SmtpSettings.plain("smtp.example.org", 587, "alerts@example.org").withLogin("alerts", "hunter2").toString())
                .contains("username=alerts", "password=****").doesNotContain("hunter2");
    }
}
