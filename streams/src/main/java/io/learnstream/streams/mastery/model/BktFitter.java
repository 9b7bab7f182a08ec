package io.learnstream.streams.mastery.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits BKT parameters by expectation–maximisation (Baum–Welch: forward–backward over each student's answers in a
 * skill), hand-written here because no maintained Java library does BKT. One fit pools every skill's sequences (the
 * default for unseen skills and for skills with too little data); each skill with at least
 * {@value #MIN_SKILL_ANSWERS} answers from {@value #MIN_SKILL_STUDENTS} students gets its own fit. An answer to an
 * item of several skills is one observation in each skill's sequence.
 *
 * <p>Guess and slip are kept at most {@value #MAX_GUESS_SLIP} (above 0.5 the "mastered" state would predict worse
 * than the other: the degenerate fits BKT is known for), every probability within [{@value #MIN_PROBABILITY},
 * 1-{@value #MIN_PROBABILITY}]. Forget is fixed at 0 unless fitted.
 */
public final class BktFitter {
  /** Fewer answers in a skill than this and the skill uses the pooled fit. */
  public static final int MIN_SKILL_ANSWERS = 100;
  /** Fewer students in a skill than this and the skill uses the pooled fit. */
  public static final int MIN_SKILL_STUDENTS = 10;
  /** The upper bound of guess and slip. */
  public static final double MAX_GUESS_SLIP = 0.45;
  /** The least (and 1 - the greatest) value of any parameter. */
  public static final double MIN_PROBABILITY = 1e-4;
  /** EM stops after this many iterations at the latest. */
  public static final int MAX_ITERATIONS = 200;
  /** EM stops when the log-likelihood per answer improves by less than this. */
  public static final double TOLERANCE = 1e-7;

  /** The pooled fit and the fits of the skills with enough data. */
  public record Fit(BktParameters pooled, Map<String, BktParameters> skills) {}

  private final boolean fitForget;

  /** Classic BKT: forget fixed at 0. */
  public BktFitter() {
    this(false);
  }

  /** @param fitForget whether to fit the forget rate too (else it stays 0) */
  public BktFitter(boolean fitForget) {
    this.fitForget = fitForget;
  }

  /** Fits the answers, rows of a student in the order answered. */
  public Fit fit(List<AnswerRow> rows) {
    Map<String, List<boolean[]>> sequences = sequencesBySkill(rows);
    List<boolean[]> all = new ArrayList<>();
    sequences.values().forEach(all::addAll);
    BktParameters pooled = fit(all, BktParameters.TYPICAL);
    Map<String, BktParameters> skills = new HashMap<>();
    sequences.forEach((skill, list) -> {
      long answers = list.stream().mapToLong(sequence -> sequence.length).sum();
      if (answers >= MIN_SKILL_ANSWERS && list.size() >= MIN_SKILL_STUDENTS) {
        skills.put(skill, fit(list, pooled));
      }
    });
    return new Fit(pooled, skills);
  }

  /** Fits one skill's sequences (one per student, outcomes in order), EM started from {@code start}. */
  public BktParameters fit(List<boolean[]> sequences, BktParameters start) {
    BktParameters p = bounded(start.prior(), start.learn(), start.guess(), start.slip(),
        fitForget ? Math.max(start.forget(), MIN_PROBABILITY) : 0.0);
    long answers = sequences.stream().mapToLong(sequence -> sequence.length).sum();
    if (answers == 0) {
      return p;
    }
    double lastLogLikelihood = Double.NEGATIVE_INFINITY;
    Expectations e = new Expectations(sequences.stream().mapToInt(sequence -> sequence.length).max().orElse(0));
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      e.reset();
      for (boolean[] sequence : sequences) {
        e.add(sequence, p);
      }
      p = e.maximise(sequences.size());
      double perAnswer = e.logLikelihood / answers;
      if (perAnswer - lastLogLikelihood < TOLERANCE) {
        break;
      }
      lastLogLikelihood = perAnswer;
    }
    return p;
  }

  private BktParameters bounded(double prior, double learn, double guess, double slip, double forget) {
    return new BktParameters(
        clampProbability(prior),
        clampProbability(learn),
        Math.clamp(guess, MIN_PROBABILITY, MAX_GUESS_SLIP),
        Math.clamp(slip, MIN_PROBABILITY, MAX_GUESS_SLIP),
        fitForget ? clampProbability(forget) : 0.0);
  }

  private static double clampProbability(double p) {
    return Math.clamp(p, MIN_PROBABILITY, 1.0 - MIN_PROBABILITY);
  }

  /** Per skill, one outcome sequence per student, in answer order. */
  static Map<String, List<boolean[]>> sequencesBySkill(List<AnswerRow> rows) {
    Map<String, Map<String, List<Boolean>>> bySkill = new LinkedHashMap<>();
    for (AnswerRow row : rows) {
      for (String skill : row.answer().skills()) {
        bySkill.computeIfAbsent(skill, s -> new LinkedHashMap<>())
            .computeIfAbsent(row.studentId(), s -> new ArrayList<>())
            .add(row.answer().correct());
      }
    }
    Map<String, List<boolean[]>> out = new LinkedHashMap<>();
    bySkill.forEach((skill, students) -> {
      List<boolean[]> sequences = new ArrayList<>(students.size());
      students.values().forEach(outcomes -> {
        boolean[] sequence = new boolean[outcomes.size()];
        for (int i = 0; i < sequence.length; i++) {
          sequence[i] = outcomes.get(i);
        }
        sequences.add(sequence);
      });
      out.put(skill, sequences);
    });
    return out;
  }

  /** The expected counts of one E-step, by scaled forward–backward over states 0 (not mastered), 1 (mastered). */
  private final class Expectations {
    private final double[] alpha0;
    private final double[] alpha1;
    private final double[] scale;
    private double mastered0;
    private double unmasteredBeforeLast;
    private double learned;
    private double masteredBeforeLast;
    private double forgotten;
    private double unmastered;
    private double unmasteredCorrect;
    private double mastered;
    private double masteredWrong;
    private double logLikelihood;

    Expectations(int longest) {
      alpha0 = new double[longest];
      alpha1 = new double[longest];
      scale = new double[longest];
    }

    void reset() {
      mastered0 = 0;
      unmasteredBeforeLast = 0;
      learned = 0;
      masteredBeforeLast = 0;
      forgotten = 0;
      unmastered = 0;
      unmasteredCorrect = 0;
      mastered = 0;
      masteredWrong = 0;
      logLikelihood = 0;
    }

    void add(boolean[] y, BktParameters p) {
      int length = y.length;
      double a00 = 1.0 - p.learn();
      double a01 = p.learn();
      double a10 = p.forget();
      double a11 = 1.0 - p.forget();
      // forward, each step normalised to sum 1
      double f0 = (1.0 - p.prior()) * emit0(y[0], p);
      double f1 = p.prior() * emit1(y[0], p);
      for (int t = 0; ; t++) {
        double c = f0 + f1;
        scale[t] = c;
        alpha0[t] = f0 / c;
        alpha1[t] = f1 / c;
        logLikelihood += Math.log(c);
        if (t + 1 == length) {
          break;
        }
        f0 = (alpha0[t] * a00 + alpha1[t] * a10) * emit0(y[t + 1], p);
        f1 = (alpha0[t] * a01 + alpha1[t] * a11) * emit1(y[t + 1], p);
      }
      // backward, with the same scaling; gamma and xi accumulated on the way
      double b0 = 1.0;
      double b1 = 1.0;
      for (int t = length - 1; t >= 0; t--) {
        double g0 = alpha0[t] * b0;
        double g1 = alpha1[t] * b1;
        double g = g0 + g1;
        g0 /= g;
        g1 /= g;
        unmastered += g0;
        mastered += g1;
        if (y[t]) {
          unmasteredCorrect += g0;
        } else {
          masteredWrong += g1;
        }
        if (t == 0) {
          mastered0 += g1;
          break;
        }
        // xi(t-1 → t), and beta(t-1)
        double e0 = emit0(y[t], p) * b0;
        double e1 = emit1(y[t], p) * b1;
        double x00 = alpha0[t - 1] * a00 * e0;
        double x01 = alpha0[t - 1] * a01 * e1;
        double x10 = alpha1[t - 1] * a10 * e0;
        double x11 = alpha1[t - 1] * a11 * e1;
        double xi = x00 + x01 + x10 + x11;
        unmasteredBeforeLast += (x00 + x01) / xi;
        learned += x01 / xi;
        masteredBeforeLast += (x10 + x11) / xi;
        forgotten += x10 / xi;
        double nextB0 = (a00 * e0 + a01 * e1) / scale[t];
        double nextB1 = (a10 * e0 + a11 * e1) / scale[t];
        b0 = nextB0;
        b1 = nextB1;
      }
    }

    BktParameters maximise(int sequences) {
      return bounded(
          mastered0 / sequences,
          unmasteredBeforeLast > 0 ? learned / unmasteredBeforeLast : MIN_PROBABILITY,
          unmastered > 0 ? unmasteredCorrect / unmastered : MIN_PROBABILITY,
          mastered > 0 ? masteredWrong / mastered : MIN_PROBABILITY,
          masteredBeforeLast > 0 ? forgotten / masteredBeforeLast : MIN_PROBABILITY);
    }

    private static double emit0(boolean correct, BktParameters p) {
      return correct ? p.guess() : 1.0 - p.guess();
    }

    private static double emit1(boolean correct, BktParameters p) {
      return correct ? 1.0 - p.slip() : p.slip();
    }
  }
}
