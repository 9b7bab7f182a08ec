package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.streams.mastery.model.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a fitted {@link ParameterSet} is published to the parameters topic so the running mastery topology switches to
 * it whole: every entry under the publication's version, then the {@link #VERSION_KEY} marker, last. The topic has
 * one partition, so a reader that sees the marker has seen every entry before it.
 */
public final class ParameterPublication {
    /** The entry written last by a publication; its {@code version} names the publication. */
    public static final String VERSION_KEY = "meta/version";
    /** Keys of bookkeeping entries, which are not parameters. */
    public static final String META_PREFIX = "meta/";

    private ParameterPublication() {}

    /** The records of one publication, in the order they must be written: entries in key order, the marker last. */
    public static List<MasteryParameter> records(ParameterSet parameters, long version) {
        if (version <= 0) throw new IllegalArgumentException("a publication's version must be positive (0 names the built-in defaults), got " + version);
        List<MasteryParameter> records = new ArrayList<>();
        parameters.entries().forEach((key, values) -> records.add(new MasteryParameter(key, values, version)));
        records.add(new MasteryParameter(VERSION_KEY, Map.of(), version));
        return records;
    }
}
