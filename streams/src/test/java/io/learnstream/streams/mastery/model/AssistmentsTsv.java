package io.learnstream.streams.mastery.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Gervet et al. (2020) preprocessed ASSISTments files (gzip TSV: user_id, item_id, timestamp, correct,
 * skill_id; rows in answer order per user) as answer rows: itemId = item_id, skills = [skill_id] (a combined id
 * such as {@code 10_13} is one skill, as Gervet preprocessed it).
 */
final class AssistmentsTsv {
  private AssistmentsTsv() {}

  static List<AnswerRow> read(Path path) throws IOException {
    List<AnswerRow> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.UTF_8))) {
      String[] header = reader.readLine().split("\t");
      int user = column(header, "user_id");
      int item = column(header, "item_id");
      int correct = column(header, "correct");
      int skill = column(header, "skill_id");
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split("\t", -1);
        List<String> skills = f[skill].isEmpty() ? List.of() : List.of(f[skill]);
        rows.add(new AnswerRow(f[user], new Answer(f[item], skills, f[correct].equals("1"))));
      }
    }
    return rows;
  }

  private static int column(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }
}
