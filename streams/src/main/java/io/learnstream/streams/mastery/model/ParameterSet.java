package io.learnstream.streams.mastery.model;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * All fitted parameters of both mastery models, immutable, with hash lookups built once.
 *
 * <p>As {@link #entries()} they are one small named map per key, the records published to a compacted topic:
 * <ul>
 *   <li>{@code bkt/default} and {@code bkt/skill/<skillId>}: {prior, learn, guess, slip, forget}</li>
 *   <li>{@code logistic/global}: {bias, student_…, skill_… (the weights every skill shares)}</li>
 *   <li>{@code logistic/skill/<skillId>}: {bias, then the skill's own weight of each per-skill feature}</li>
 *   <li>{@code logistic/item/<itemId>}: {bias, and {@code skill/<skillId>} = 1 for each skill of the item}: the
 *       catalogue {@link MasteryModel#practice} chooses from</li>
 * </ul>
 * Names missing from an entry count as 0 (logistic) so that entries written before a feature existed still load.
 * The shipped {@link #defaults()} were fitted on ASSISTments 2009 train (with the item and skill IRIs the replay
 * sends) by {@link RegularizationSearch}, regenerated with {@code ./learnstream fit mastery --data
 * ../shared/datasets/assistments2009 --write streams/src/main/resources/io/learnstream/streams/mastery/model/default-parameters.tsv.gz}.
 */
public final class ParameterSet {
  static final String BKT_DEFAULT = "bkt/default";
  static final String BKT_SKILL = "bkt/skill/";
  static final String LOGISTIC_GLOBAL = "logistic/global";
  static final String LOGISTIC_SKILL = "logistic/skill/";
  static final String LOGISTIC_ITEM = "logistic/item/";
  /** The prefix, in an item entry, of the names that list the item's skills. */
  static final String ITEM_SKILL = "skill/";
  /** The classpath resource of {@link #defaults()}: entries as {@link #write} writes them. */
  static final String DEFAULTS_RESOURCE = "default-parameters.tsv.gz";

  private static final String PRIOR = "prior";
  private static final String LEARN = "learn";
  private static final String GUESS = "guess";
  private static final String SLIP = "slip";
  private static final String FORGET = "forget";
  private static final char FIELD = '\t';
  private static final char NAME_VALUE = '=';
  private static final Item[] NO_ITEMS = new Item[0];

  /** One fitted item: its bias and its skills. */
  record Item(String itemId, double bias, List<String> skills) {}

  private final BktParameters bktDefault;
  private final Map<String, BktParameters> bktSkills;
  private final double[] logisticGlobal;
  private final Map<String, double[]> logisticSkills;
  private final Map<String, Item> items;
  /** Per skill, its items sorted by bias (ascending: hardest first). */
  private final Map<String, Item[]> catalogue;

  ParameterSet(BktParameters bktDefault, Map<String, BktParameters> bktSkills, double[] logisticGlobal,
      Map<String, double[]> logisticSkills, Map<String, Item> items) {
    if (logisticGlobal.length != LogisticFeatures.GLOBAL.size()) {
      throw new IllegalArgumentException("logistic/global has " + LogisticFeatures.GLOBAL.size() + " weights");
    }
    this.bktDefault = bktDefault;
    this.bktSkills = Map.copyOf(bktSkills);
    this.logisticGlobal = logisticGlobal.clone();
    Map<String, double[]> skills = new HashMap<>();
    logisticSkills.forEach((skill, weights) -> {
      if (weights.length != LogisticFeatures.SKILL_WEIGHTS.size()) {
        throw new IllegalArgumentException("logistic/skill/" + skill + " has "
            + LogisticFeatures.SKILL_WEIGHTS.size() + " weights");
      }
      skills.put(skill, weights.clone());
    });
    this.logisticSkills = skills;
    this.items = Map.copyOf(items);
    this.catalogue = catalogue(items);
  }

  /** Sensible priors and nothing fitted: {@link BktParameters#TYPICAL}, and a logistic model that predicts BKT's
   * first-answer probability for everything until fitted. */
  public static ParameterSet untrained() {
    double[] global = new double[LogisticFeatures.GLOBAL.size()];
    global[0] = LogisticFeatures.logit(Bkt.predictCorrect(BktParameters.TYPICAL.prior(), BktParameters.TYPICAL));
    return new ParameterSet(BktParameters.TYPICAL, Map.of(), global, Map.of(), Map.of());
  }

  /** The parameters shipped with this module (fitted on ASSISTments 2009 train, see {@link MasteryFitter}). */
  public static ParameterSet defaults() {
    try (InputStream in = ParameterSet.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parameters {@link #entries()} described. */
  public static ParameterSet fromEntries(Map<String, Map<String, Double>> entries) {
    BktParameters bktDefault = BktParameters.TYPICAL;
    Map<String, BktParameters> bktSkills = new HashMap<>();
    double[] global = new double[LogisticFeatures.GLOBAL.size()];
    Map<String, double[]> skills = new HashMap<>();
    Map<String, Item> items = new HashMap<>();
    for (Map.Entry<String, Map<String, Double>> entry : entries.entrySet()) {
      String key = entry.getKey();
      Map<String, Double> values = entry.getValue();
      if (key.equals(BKT_DEFAULT)) {
        bktDefault = bkt(values);
      } else if (key.startsWith(BKT_SKILL)) {
        bktSkills.put(key.substring(BKT_SKILL.length()), bkt(values));
      } else if (key.equals(LOGISTIC_GLOBAL)) {
        global = weights(values, LogisticFeatures.GLOBAL);
      } else if (key.startsWith(LOGISTIC_SKILL)) {
        skills.put(key.substring(LOGISTIC_SKILL.length()), weights(values, LogisticFeatures.SKILL_WEIGHTS));
      } else if (key.startsWith(LOGISTIC_ITEM)) {
        String itemId = key.substring(LOGISTIC_ITEM.length());
        List<String> itemSkills = new ArrayList<>();
        values.keySet().stream().filter(name -> name.startsWith(ITEM_SKILL)).sorted()
            .forEach(name -> itemSkills.add(name.substring(ITEM_SKILL.length())));
        items.put(itemId, new Item(itemId, values.getOrDefault(LogisticFeatures.BIAS, 0.0), List.copyOf(itemSkills)));
      } else {
        throw new IllegalArgumentException("unknown parameter key " + key);
      }
    }
    return new ParameterSet(bktDefault, bktSkills, global, skills, items);
  }

  /** One entry per key, as the class comment describes, in key order. */
  public Map<String, Map<String, Double>> entries() {
    Map<String, Map<String, Double>> out = new TreeMap<>();
    out.put(BKT_DEFAULT, bktEntry(bktDefault));
    bktSkills.forEach((skill, p) -> out.put(BKT_SKILL + skill, bktEntry(p)));
    out.put(LOGISTIC_GLOBAL, weightEntry(logisticGlobal, LogisticFeatures.GLOBAL));
    logisticSkills.forEach((skill, w) -> out.put(LOGISTIC_SKILL + skill,
        weightEntry(w, LogisticFeatures.SKILL_WEIGHTS)));
    items.values().forEach(item -> {
      Map<String, Double> entry = new LinkedHashMap<>();
      entry.put(LogisticFeatures.BIAS, item.bias());
      item.skills().forEach(skill -> entry.put(ITEM_SKILL + skill, 1.0));
      out.put(LOGISTIC_ITEM + item.itemId(), entry);
    });
    return out;
  }

  /** The BKT parameters of unseen skills and of items without skills (the pooled fit). */
  public BktParameters bktDefault() { return bktDefault; }

  /** The BKT parameters of a skill, {@link #bktDefault()} when it was not fitted. */
  public BktParameters bkt(String skillId) { return bktSkills.getOrDefault(skillId, bktDefault); }

  /** The skills with their own BKT fit. */
  public Map<String, BktParameters> bktSkills() { return bktSkills; }

  /** The logistic model's global weights, named by {@code LogisticFeatures.GLOBAL} (do not modify). */
  double[] logisticGlobal() { return logisticGlobal; }

  /** A skill's own logistic weights named by {@code LogisticFeatures.SKILL_WEIGHTS}, or null (do not modify). */
  double[] logisticSkill(String skillId) { return logisticSkills.get(skillId); }

  /** A fitted item, or null. */
  Item item(String itemId) { return items.get(itemId); }

  /** A skill's fitted items sorted by bias, hardest first; empty when none (do not modify). */
  Item[] catalogue(String skillId) { return catalogue.getOrDefault(skillId, NO_ITEMS); }

  /** How many items were fitted. */
  public int itemCount() { return items.size(); }

  /** Writes the entries as gzip TSV, one line per key: the key, then name=value fields. */
  public void write(OutputStream out) throws IOException {
    try (BufferedWriter writer = new BufferedWriter(
        new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, Map<String, Double>> entry : entries().entrySet()) {
        writer.write(checked(entry.getKey()));
        for (Map.Entry<String, Double> value : entry.getValue().entrySet()) {
          writer.write(FIELD);
          writer.write(checked(value.getKey()));
          writer.write(NAME_VALUE);
          writer.write(Double.toString(value.getValue()));
        }
        writer.newLine();
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static ParameterSet read(InputStream in) throws IOException {
    Map<String, Map<String, Double>> entries = new HashMap<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(String.valueOf(FIELD), -1);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 1; i < fields.length; i++) {
          int at = fields[i].lastIndexOf(NAME_VALUE);
          values.put(fields[i].substring(0, at), Double.parseDouble(fields[i].substring(at + 1)));
        }
        entries.put(fields[0], values);
      }
    }
    return fromEntries(entries);
  }

  private static String checked(String text) {
    if (text.indexOf(FIELD) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("ids must not contain tabs or line breaks: " + text);
    }
    return text;
  }

  private static BktParameters bkt(Map<String, Double> values) {
    return new BktParameters(values.get(PRIOR), values.get(LEARN), values.get(GUESS), values.get(SLIP),
        values.getOrDefault(FORGET, 0.0));
  }

  private static Map<String, Double> bktEntry(BktParameters p) {
    Map<String, Double> entry = new LinkedHashMap<>();
    entry.put(PRIOR, p.prior());
    entry.put(LEARN, p.learn());
    entry.put(GUESS, p.guess());
    entry.put(SLIP, p.slip());
    entry.put(FORGET, p.forget());
    return entry;
  }

  private static double[] weights(Map<String, Double> values, List<String> names) {
    double[] weights = new double[names.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = values.getOrDefault(names.get(i), 0.0);
    }
    return weights;
  }

  private static Map<String, Double> weightEntry(double[] weights, List<String> names) {
    Map<String, Double> entry = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      entry.put(names.get(i), weights[i]);
    }
    return entry;
  }

  private static Map<String, Item[]> catalogue(Map<String, Item> items) {
    Map<String, List<Item>> bySkill = new HashMap<>();
    items.values().forEach(item -> item.skills().forEach(
        skill -> bySkill.computeIfAbsent(skill, s -> new ArrayList<>()).add(item)));
    Map<String, Item[]> out = new HashMap<>();
    bySkill.forEach((skill, list) -> {
      Item[] sorted = list.toArray(Item[]::new);
      Arrays.sort(sorted, Comparator.comparingDouble(Item::bias).thenComparing(Item::itemId));
      out.put(skill, sorted);
    });
    return out;
  }
}
