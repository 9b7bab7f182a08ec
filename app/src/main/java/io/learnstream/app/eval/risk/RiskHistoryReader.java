package io.learnstream.app.eval.risk;

import io.learnstream.ingest.auth.TenantId;
import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the risk evaluation reads back from ClickHouse's {@code risk_history}, for one district. */
public final class RiskHistoryReader {
    private final ColumnStore store;
    private final String where;

    public RiskHistoryReader(ColumnStore store, String tenant) {
        TenantId.requireValid(tenant);
        this.store = store;
        this.where = " FROM risk_history WHERE tenant_id = '" + tenant + "'";
    }

    /** The weekly records ({@code trigger = 'week'}) of the weeks asked for (day {@code 7k} of the class). */
    public List<RiskCohort.WeekRecord> weekRecords(List<Integer> weeks) {
        String days = weeks.stream().map(w -> String.valueOf(7 * w)).collect(Collectors.joining(", "));
        QueryResult rows = store.query("SELECT class_id, student_key, day_of_class, probability, flagged, model_version" + where
                + " AND trigger = 'week' AND day_of_class IN (" + days + ") ORDER BY class_id, day_of_class, student_key");
        return rows.rows().stream().map(r -> new RiskCohort.WeekRecord(r.get(0), r.get(1), Integer.parseInt(r.get(2)),
                Double.parseDouble(r.get(3)), r.get(4).equals("1"), Long.parseLong(r.get(5)))).toList();
    }

    /** Each student's first flagged record (any trigger), epoch millis, by {@code <classId>/<studentKey>}. */
    public Map<String, Long> firstFlags() {
        QueryResult rows = store.query("SELECT class_id, student_key, toUnixTimestamp64Milli(min(as_of)) AS first" + where
                + " AND flagged = 1 GROUP BY class_id, student_key");
        Map<String, Long> first = new LinkedHashMap<>();
        for (List<String> r : rows.rows()) first.put(r.get(0) + "/" + r.get(1), Long.parseLong(r.get(2)));
        return first;
    }

    /** Records of each model version (the parameter publication that scored them). */
    public Map<Long, Long> versions() {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (List<String> r : store.query("SELECT model_version AS v, count() AS n" + where + " GROUP BY v ORDER BY v").rows()) {
            versions.put(Long.parseLong(r.get(0)), Long.parseLong(r.get(1)));
        }
        return versions;
    }

    /** Records by trigger (event, tick, week). */
    public Map<String, Long> triggers() {
        Map<String, Long> triggers = new LinkedHashMap<>();
        for (List<String> r : store.query("SELECT trigger AS t, count() AS n" + where + " GROUP BY t ORDER BY t").rows()) {
            triggers.put(r.get(0), Long.parseLong(r.get(1)));
        }
        return triggers;
    }
}
