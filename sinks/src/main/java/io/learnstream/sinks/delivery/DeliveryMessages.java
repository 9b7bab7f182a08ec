package io.learnstream.sinks.delivery;

import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.DeliveredAlert;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.sinks.spi.Delivery;

/** The SPI's {@link Delivery} of an {@link AlertDelivery} record. */
final class DeliveryMessages {
    private DeliveryMessages() {}

    static Delivery of(AlertDelivery record) {
        return new Delivery(record.getDeliveryId(), record.getTenantId(), record.getTeacherSourcedId(), record.getAddress(),
                record.getDigest(), record.getAlerts().stream().map(DeliveryMessages::item).toList(), record.getDueTime());
    }

    private static Delivery.Item item(DeliveredAlert alert) {
        return new Delivery.Item(alert.getAlertId(), alert.getClassId(), alert.getStudentKey(), alert.getText(),
                alert.getReasons().stream().map(RiskReason::getText).toList(), alert.getProbability(), alert.getRaisedTime(),
                alert.getLink());
    }
}
