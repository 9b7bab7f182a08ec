package io.learnstream.app.eval.mastery;

import io.learnstream.sinks.spi.ColumnStore;
import io.learnstream.sinks.spi.QueryResult;
import io.learnstream.ingest.auth.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The before-answer predictions the pipeline wrote to ClickHouse for one district: per model, P(correct) of every
 * answer, beside the outcome; and which parameter publications they used.
 *
 * @param byModel model name to predictions, aligned with {@code actual}
 * @param versions parameter publication to the number of answers predicted with it
 */
public record PipelinePredictions(Map<String, double[]> byModel, boolean[] actual, Map<Long, Long> versions) {

    public static PipelinePredictions read(ColumnStore store, String tenant) {
        TenantId.requireValid(tenant);
        String where = " FROM mastery_predictions WHERE tenant_id = '" + tenant + "'";
        List<String> models = store.query("SELECT DISTINCT arrayJoin(mapKeys(predictions)) AS model" + where + " ORDER BY model").column("model");
        StringBuilder select = new StringBuilder("SELECT correct");
        for (int m = 0; m < models.size(); m++) select.append(", predictions['").append(models.get(m).replace("'", "")).append("'] AS m").append(m);
        QueryResult rows = store.query(select + where + " ORDER BY student_key, event_time, event_id");
        int n = rows.rowCount();
        boolean[] actual = new boolean[n];
        Map<String, double[]> byModel = new LinkedHashMap<>();
        for (String model : models) byModel.put(model, new double[n]);
        for (int i = 0; i < n; i++) {
            List<String> row = rows.rows().get(i);
            actual[i] = row.get(0).equals("1");
            for (int m = 0; m < models.size(); m++) byModel.get(models.get(m))[i] = Double.parseDouble(row.get(m + 1));
        }
        Map<Long, Long> versions = new LinkedHashMap<>();
        QueryResult used = store.query("SELECT parameters_version AS v, count() AS n" + where + " GROUP BY v ORDER BY v");
        for (List<String> row : used.rows()) versions.put(Long.parseLong(row.get(0)), Long.parseLong(row.get(1)));
        return new PipelinePredictions(byModel, actual, versions);
    }

    public int count() {
        return actual.length;
    }
}
