package io.learnstream.sinks.risk;

import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.sinks.spi.NamedTuple;
import java.util.List;
import java.util.Map;

/**
 * The reasons of a risk score or an alert as a {@code reasons Array(Tuple(factor LowCardinality(String), text String,
 * value Float64, contribution Float64))} column value, in the record's order (largest first).
 */
public final class RiskReasons {
    private RiskReasons() {}

    public static List<Map<String, Object>> tuples(List<RiskReason> reasons) {
        return reasons.stream()
                .map(reason -> NamedTuple.of("factor", reason.getFactor(), "text", reason.getText(), "value", reason.getValue(),
                        "contribution", reason.getContribution()))
                .toList();
    }
}
