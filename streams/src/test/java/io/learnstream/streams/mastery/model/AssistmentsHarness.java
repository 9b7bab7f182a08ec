package io.learnstream.streams.mastery.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * DEVELOPMENT HARNESS, not a test (the suite does not run it): fits the production classes on ASSISTments train
 * and scores next-response predictions in memory.
 *
 * <p>First it chooses liblinear's C on a held-out split of the TRAIN students (a seeded 80/20 shuffle of student
 * ids), then fits on all of train with that C and scores test. Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl streams test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/streams.cp
 * java -cp streams/target/test-classes:streams/target/classes:$(cat /tmp/streams.cp) \
 *   io.learnstream.streams.mastery.model.AssistmentsHarness \
 *   /work/shared/datasets/assistments2009/train.tsv.gz /work/shared/datasets/assistments2009/test.tsv.gz
 * </pre>
 * Optional further arguments: the C values to try (default 0.1 0.3 0.6 1 3). A test path of {@value #HELD_OUT_ONLY}
 * scores only the held-out split (for choosing features without looking at test).
 */
public final class AssistmentsHarness {
  private static final String HELD_OUT_ONLY = "-";
  private static final long SPLIT_SEED = 20260;
  private static final double HELD_OUT_SHARE = 0.2;
  private static final double[] DEFAULT_CS = {0.1, 0.3, 0.6, 1.0, 3.0};

  private AssistmentsHarness() {}

  public static void main(String[] args) throws Exception {
    List<AnswerRow> train = AssistmentsTsv.read(Path.of(args[0]));
    boolean scoreTest = !args[1].equals(HELD_OUT_ONLY);
    double[] cs = DEFAULT_CS;
    if (args.length > 2) {
      cs = new double[args.length - 2];
      for (int i = 2; i < args.length; i++) {
        cs[i - 2] = Double.parseDouble(args[i]);
      }
    }
    List<List<AnswerRow>> split = splitByStudent(train);
    double bestC = cs[0];
    double bestAuc = Double.NEGATIVE_INFINITY;
    for (double c : cs) {
      long start = System.nanoTime();
      ParameterSet fitted = new MasteryFitter(MasteryFitter.FIT_FORGET, c).fit(split.get(0));
      long millis = (System.nanoTime() - start) / 1_000_000;
      Map<String, BinaryScores> scores = score(fitted, split.get(1));
      print("held-out train, C=" + c + ", fit " + millis + " ms", scores);
      if (scores.get(MasteryModel.LOGISTIC).auc() > bestAuc) {
        bestAuc = scores.get(MasteryModel.LOGISTIC).auc();
        bestC = c;
      }
    }
    if (!scoreTest) {
      return;
    }
    List<AnswerRow> test = AssistmentsTsv.read(Path.of(args[1]));
    long start = System.nanoTime();
    ParameterSet fitted = new MasteryFitter(MasteryFitter.FIT_FORGET, bestC).fit(train);
    long millis = (System.nanoTime() - start) / 1_000_000;
    print("test, fitted on all train with C=" + bestC + ", fit " + millis + " ms", score(fitted, test));
  }

  static Map<String, BinaryScores> score(ParameterSet parameters, List<AnswerRow> rows) {
    return NextAnswerScoring.score(parameters, rows);
  }

  /** [fit, held out]: a seeded shuffle of the student ids, {@value #HELD_OUT_SHARE} of them held out. */
  private static List<List<AnswerRow>> splitByStudent(List<AnswerRow> rows) {
    StudentSplit split = StudentSplit.of(rows, HELD_OUT_SHARE, SPLIT_SEED);
    return List.of(split.fit(), split.heldOut());
  }

  private static void print(String label, Map<String, BinaryScores> scores) {
    for (String name : List.of(MasteryModel.BKT, MasteryModel.LOGISTIC)) {
      BinaryScores s = scores.get(name);
      System.out.printf("%-55s %-8s AUC %.4f  RMSE %.4f  log-loss %.4f  n=%d%n", label, name, s.auc(), s.rmse(),
          s.logLoss(), s.count());
    }
  }
}
