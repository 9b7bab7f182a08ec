package io.learnstream.app.mastery;

import io.learnstream.app.replay.assistments.AssistmentsFile;
import io.learnstream.app.replay.assistments.AssistmentsRow;
import io.learnstream.app.replay.assistments.AssistmentsStatements;
import io.learnstream.streams.mastery.model.AnswerRow;
import io.learnstream.streams.mastery.model.RegularizationSearch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fits the mastery models on an ASSISTments-shaped training file, with the ids the replayed statements carry (the
 * item and skill IRIs of {@link AssistmentsStatements}), so the parameters apply to what the pipeline sees.
 */
public final class MasteryTraining {
    private MasteryTraining() {}

    public static RegularizationSearch.Result fit(Path trainFile, PrintStream progress) throws IOException {
        long start = System.nanoTime();
        List<AssistmentsRow> rows = AssistmentsFile.read(trainFile);
        List<AnswerRow> answers = rows.stream().map(AssistmentsStatements::answer).toList();
        progress.printf(Locale.ROOT, "read %,d answers of %,d students, %,d items, %,d skills from %s%n", answers.size(),
                answers.stream().map(AnswerRow::studentId).distinct().count(),
                answers.stream().map(a -> a.answer().itemId()).distinct().count(),
                answers.stream().flatMap(a -> a.answer().skills().stream()).distinct().count(), trainFile);
        RegularizationSearch.Result result = new RegularizationSearch(RegularizationSearch.CANDIDATES)
                .fit(answers, line -> progress.println("  " + line));
        progress.printf(Locale.ROOT, "fitted BKT (EM) and the logistic model (C=%s) on all %,d answers in %.1f s%n",
                result.chosenC(), answers.size(), (System.nanoTime() - start) / 1e9);
        return result;
    }
}
