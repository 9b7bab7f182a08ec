package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.RiskClassState;
import io.learnstream.schemas.avro.RiskStudentState;
import io.learnstream.schemas.avro.RiskSubmission;
import io.learnstream.streams.risk.model.ActivityDistribution;
import io.learnstream.streams.risk.model.ClassActivity;
import io.learnstream.streams.risk.model.StudentActivity;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model's per-student and per-class state to and from the Avro records the risk stores keep. */
final class RiskStates {
    private RiskStates() {}

    static StudentActivity activity(RiskStudentState state) {
        Map<String, StudentActivity.Submission> submissions = new HashMap<>();
        state.getSubmissions().forEach((item, s) -> submissions.put(item, new StudentActivity.Submission(s.getTime(), s.getScore())));
        return StudentActivity.restore(state.getRegistered(), state.getWithdrawn(), state.getFirstActivity(), state.getLastActivity(),
                state.getNewestDay(), ints(state.getDaily()), state.getTotalEvents(), state.getActiveDays(), ints(state.getTouched()),
                submissions);
    }

    static RiskStudentState state(String studentKey, StudentActivity a, Double probability, boolean flagged) {
        Map<String, RiskSubmission> submissions = new HashMap<>();
        a.submissions().forEach((item, s) -> submissions.put(item, new RiskSubmission(s.time(), s.score())));
        return RiskStudentState.newBuilder()
                .setStudentKey(studentKey)
                .setRegistered(a.registered())
                .setWithdrawn(a.withdrawn())
                .setFirstActivity(a.firstActivity())
                .setLastActivity(a.lastActivity())
                .setNewestDay(a.newestDay())
                .setDaily(list(a.dailyWindow()))
                .setTotalEvents(a.totalEvents())
                .setActiveDays(a.activeDays())
                .setTouched(list(a.touched()))
                .setSubmissions(submissions)
                .setProbability(probability)
                .setFlagged(flagged)
                .build();
    }

    static ClassActivity activity(RiskClassState state) {
        return ClassActivity.restore(ints(state.getActivities()), state.getWithActivityData(),
                ActivityDistribution.fromBytes(bytes(state.getDistribution())));
    }

    static RiskClassState state(String tenantId, String classId, ClassActivity c, long firstEventTime, long newestEventTime, long nextTickDay) {
        return RiskClassState.newBuilder()
                .setTenantId(tenantId)
                .setClassId(classId)
                .setActivities(list(c.activityHashes()))
                .setWithActivityData(c.withActivityData())
                .setDistribution(ByteBuffer.wrap(c.distribution().toBytes()))
                .setFirstEventTime(firstEventTime)
                .setNewestEventTime(newestEventTime)
                .setNextTickDay(nextTickDay)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static int[] ints(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    private static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) out.add(v);
        return out;
    }
}
