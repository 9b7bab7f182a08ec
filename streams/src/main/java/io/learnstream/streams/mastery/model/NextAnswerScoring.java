package io.learnstream.streams.mastery.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Next-answer scores of both models on answers in memory: each answer predicted from the states before it, then
 * the states updated, as the mastery topology does. Used to choose fitting settings on held-out training students;
 * the committed evaluation scores what the pipeline itself predicted.
 */
public final class NextAnswerScoring {
  private NextAnswerScoring() {}

  public static Map<String, BinaryScores> score(ParameterSet parameters, List<AnswerRow> rows) {
    MasteryModel model = new MasteryModel(parameters);
    double[] bkt = new double[rows.size()];
    double[] logistic = new double[rows.size()];
    boolean[] actual = new boolean[rows.size()];
    Map<String, StudentState> students = new HashMap<>();
    Map<String, Map<String, SkillState>> skillsByStudent = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      AnswerRow row = rows.get(i);
      StudentState student = students.getOrDefault(row.studentId(), StudentState.initial());
      Map<String, SkillState> skills = skillsByStudent.computeIfAbsent(row.studentId(), s -> new HashMap<>());
      Map<String, Double> predicted = model.predict(row.answer(), student, skills);
      bkt[i] = predicted.get(MasteryModel.BKT);
      logistic[i] = predicted.get(MasteryModel.LOGISTIC);
      actual[i] = row.answer().correct();
      MasteryModel.Updated updated = model.update(row.answer(), student, skills);
      students.put(row.studentId(), updated.student());
      skills.putAll(updated.skills());
    }
    return Map.of(MasteryModel.BKT, BinaryScores.of(bkt, actual),
        MasteryModel.LOGISTIC, BinaryScores.of(logistic, actual));
  }
}
