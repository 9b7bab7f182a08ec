package io.learnstream.streams.risk.model;

import io.learnstream.streams.mastery.model.BinaryScores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;
import java.util.zip.GZIPInputStream;

/**
 * A development harness (not evidence): lives OULAD presentations through {@link ClassTimeline} in memory, fits on
 * some and scores others at weeks 2, 4, 8, 12. The evidence is {@code eval risk}, through the pipeline.
 * Run: java -cp ... OuladHarness DIR FIT_PRESENTATIONS SCORE_PRESENTATIONS
 */
public final class OuladHarness {
    record Ev(String student, RiskEvent event) {}
    record Pres(String id, long start, int length, List<ClassContext.LineItem> items, List<Ev> events, Map<String, String> result) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, Pres> all = read(dir);
        Set<String> fit = new HashSet<>(Arrays.asList(args[1].split(",")));
        Set<String> score = args.length > 2 ? new HashSet<>(Arrays.asList(args[2].split(","))) : new HashSet<>(all.keySet());
        if (args.length <= 2) score.removeAll(fit);
        List<RiskFitter.Snapshot> train = new ArrayList<>();
        for (String p : fit) snapshots(all.get(p), (week, s, risk) -> {
            if (week >= 1) train.add(new RiskFitter.Snapshot(s.features(), s.withActivityData(), risk));
        });
        double c = args.length > 3 ? Double.parseDouble(args[3]) : RiskFitter.DEFAULT_C;
        RiskModel model = new RiskFitter(c).fit(train, List.of(0, 3, 6, 10), 0.7, 0.5, 1);
        if (args.length > 4) {
            try (var out = Files.newOutputStream(Path.of(args[4]))) {
                RiskModelEntries.write(model, out);
            }
        }
        for (String p : new TreeSet<>(score)) {
            Map<Integer, List<double[]>> byWeek = new TreeMap<>();
            snapshots(all.get(p), (week, s, risk) -> {
                if (week == 2 || week == 4 || week == 8 || week == 12) {
                    double prob = model.score(s.features(), s.withActivityData()).probability();
                    byWeek.computeIfAbsent(week, w -> new ArrayList<>()).add(new double[] {prob, risk ? 1 : 0});
                }
            });
            StringBuilder line = new StringBuilder(p);
            byWeek.forEach((w, rows) -> {
                double[] pr = rows.stream().mapToDouble(r -> r[0]).toArray();
                boolean[] y = new boolean[rows.size()];
                for (int i = 0; i < y.length; i++) y[i] = rows.get(i)[1] > 0;
                line.append(String.format(Locale.ROOT, "  w%d %.3f (n=%d)", w, BinaryScores.auc(pr, y), rows.size()));
            });
            System.out.println(line);
        }
        model.sets().forEach((k, v) -> System.out.println(k + " b=" + String.format("%.2f", v.intercept()) + " w=" + Arrays.toString(Arrays.stream(v.weights()).map(x -> Math.round(x * 100) / 100.0).toArray())));
    }

    interface Sink { void take(int week, ClassTimeline.Scored s, boolean atRisk); }

    static void snapshots(Pres p, Sink sink) {
        ClassTimeline t = new ClassTimeline(p.start, p.items);
        Map<String, StudentActivity> students = t.students();
        ClassTimeline.TickListener listener = (asOf, day, scored) -> {
            if (day <= 0 || day % 7 != 0) return;
            for (ClassTimeline.Scored s : scored) {
                StudentActivity a = students.get(s.student());
                if (s.withdrawn() || a.registered() == null || a.registered() > asOf) continue;
                String r = p.result.get(s.student());
                sink.take((int) (day / 7), s, r.equals("Fail") || r.equals("Withdrawn"));
            }
        };
        for (Ev e : p.events) t.apply(e.student, e.event, listener);
        t.advanceTo(p.start + (long) (p.length + 1) * Days.MILLIS, listener);
    }

    static long base(String presentation) {
        int year = Integer.parseInt(presentation.substring(0, 4));
        return LocalDate.of(year, presentation.charAt(4) == 'B' ? 2 : 10, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static Map<String, Pres> read(Path dir) throws IOException {
        Map<String, Pres> all = new TreeMap<>();
        for (String[] r : csv(dir, "courses")) {
            String id = r[0] + "-" + r[1];
            all.put(id, new Pres(id, base(r[1]), Integer.parseInt(r[2]), new ArrayList<>(), new ArrayList<>(), new HashMap<>()));
        }
        Map<String, String> assessmentPres = new HashMap<>();
        for (String[] r : csv(dir, "assessments")) {
            Pres p = all.get(r[0] + "-" + r[1]);
            int day = r[4].isEmpty() ? p.length : Integer.parseInt(r[4]);
            p.items.add(new ClassContext.LineItem(r[2], p.start + day * Days.MILLIS));
            assessmentPres.put(r[2], p.id);
        }
        for (String[] r : csv(dir, "studentInfo")) all.get(r[0] + "-" + r[1]).result.put(r[2], r[11]);
        for (String[] r : csv(dir, "studentRegistration")) {
            Pres p = all.get(r[0] + "-" + r[1]);
            if (!r[3].isEmpty()) p.events.add(new Ev(r[2], RiskEvent.registered(p.start + Long.parseLong(r[3]) * Days.MILLIS + 8 * 3_600_000L)));
            if (r.length > 4 && !r[4].isEmpty()) p.events.add(new Ev(r[2], RiskEvent.withdrew(p.start + Long.parseLong(r[4]) * Days.MILLIS + 8 * 3_600_000L)));
        }
        for (String[] r : csv(dir, "studentAssessment")) {
            Pres p = all.get(assessmentPres.get(r[0]));
            Double score = r.length < 5 || r[4].equals("?") || r[4].isEmpty() ? null : Double.parseDouble(r[4]) / 100;
            p.events.add(new Ev(r[1], RiskEvent.submission(p.start + Long.parseLong(r[2]) * Days.MILLIS + 12 * 3_600_000L,
                    r[0], score)));
        }
        for (String[] r : csv(dir, "studentVle")) {
            Pres p = all.get(r[0] + "-" + r[1]);
            p.events.add(new Ev(r[2], RiskEvent.activity(p.start + Long.parseLong(r[4]) * Days.MILLIS + 12 * 3_600_000L,
                    "https://oulad.learnstream.example/vle/" + r[3])));
        }
        for (Pres p : all.values()) p.events.sort(Comparator.comparingLong(e -> e.event.time()));
        return all;
    }

    static List<String[]> csv(Path dir, String name) throws IOException {
        Path f = Files.exists(dir.resolve(name + ".csv.gz")) ? dir.resolve(name + ".csv.gz") : dir.resolve(name + ".csv");
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) rows.add(line.replace("\"", "").split(",", -1));
        }
        return rows;
    }
}
