package io.learnstream.sinks.delivery;

import io.learnstream.sinks.spi.AlertNotifier;
import io.learnstream.sinks.spi.Delivery;
import io.learnstream.sinks.spi.DeliveryException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Alerts by e-mail over SMTP (Jakarta Mail): plain text, UTF-8, to the teacher's roster address, with the delivery
 * id in the {@code Message-ID} ({@code <deliveryId@learnstream>}) so a mail sent twice after a crash is recognisably
 * the same. A refused address fails for good; a server that cannot be reached or refuses for now may be retried.
 */
public final class SmtpAlertNotifier implements AlertNotifier {
    public static final String CHANNEL = "email";
    private final SmtpSettings settings;
    private final Session session;

    public SmtpAlertNotifier(SmtpSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        this.session = Session.getInstance(properties);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void send(Delivery delivery) throws DeliveryException {
        MimeMessage message;
        try {
            message = new IdentifiedMessage(session, "<" + delivery.deliveryId() + "@learnstream>");
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(delivery.address(), true));
            message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
            message.setText(delivery.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(delivery.dueTime()));
            message.setHeader("X-Learnstream-Delivery", delivery.deliveryId());
        } catch (AddressException e) {
            throw DeliveryException.permanent("not an e-mail address: '" + delivery.address() + "' (" + e.getMessage() + ")", e);
        } catch (MessagingException e) {
            throw DeliveryException.permanent("could not compose the mail: " + e.getMessage(), e);
        }
        try {
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElseThrow());
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException e) {
            // the server refused the recipient: a retry gets the same answer
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new DeliveryException("SMTP server " + settings.host() + ":" + settings.port() + " did not take the mail to "
                    + delivery.address() + ": " + e.getMessage(), !refused, e);
        } catch (MessagingException e) {
            throw DeliveryException.retryable("SMTP server " + settings.host() + ":" + settings.port() + " failed: " + e.getMessage(), e);
        }
    }

    /** A message that keeps the Message-ID it was given (Jakarta Mail makes a new one on save otherwise). */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
