package io.learnstream.streams.mastery.model;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TOOL, not a test: regenerates the shipped {@link ParameterSet#defaults()} by running the production
 * {@link MasteryFitter} (default settings) on an ASSISTments-format training file. From the repository root:
 * <pre>
 * mvn -B -q -o -pl streams test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/streams.cp
 * java -cp streams/target/test-classes:streams/target/classes:$(cat /tmp/streams.cp) \
 *   io.learnstream.streams.mastery.model.DefaultParametersTool \
 *   /work/shared/datasets/assistments2009/train.tsv.gz \
 *   streams/src/main/resources/io/learnstream/streams/mastery/model/default-parameters.tsv.gz
 * </pre>
 */
public final class DefaultParametersTool {
  private DefaultParametersTool() {}

  public static void main(String[] args) throws Exception {
    ParameterSet fitted = new MasteryFitter().fit(AssistmentsTsv.read(Path.of(args[0])));
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      fitted.write(out);
    }
    System.out.println("wrote " + fitted.entries().size() + " entries to " + args[1]);
  }
}
