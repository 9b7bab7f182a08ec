package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.streams.risk.model.RiskFeatures;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskReasons;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scored student as the record published on risk-scores: the probability, the flag, the reasons in words, every feature. */
final class RiskScoreRecords {
    private RiskScoreRecords() {}

    static RiskScore of(String tenantId, String classId, String studentKey, long asOf, RiskFeatures.Vector features,
            RiskModel.Score score, boolean flagged, boolean withdrawn, String trigger, long modelVersion, int reasonLimit) {
        List<RiskReason> reasons = RiskReasons.top(features, score.contributions(), reasonLimit).stream()
                .map(r -> new RiskReason(r.factor(), r.text(), r.value(), r.contribution()))
                .toList();
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < RiskFeatures.NAMES.size(); i++) values.put(RiskFeatures.NAMES.get(i), features.values()[i]);
        return RiskScore.newBuilder()
                .setTenantId(tenantId)
                .setClassId(classId)
                .setStudentKey(studentKey)
                .setAsOf(Instant.ofEpochMilli(asOf))
                .setDayOfClass((int) features.day())
                .setProbability(score.probability())
                .setFlagged(flagged)
                .setWithdrawn(withdrawn)
                .setReasons(withdrawn ? List.of() : reasons)
                .setFeatures(values)
                .setTrigger(trigger)
                .setModelVersion(modelVersion)
                .build();
    }
}
