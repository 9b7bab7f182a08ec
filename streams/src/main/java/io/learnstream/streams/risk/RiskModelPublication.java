package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.streams.risk.model.RiskModel;
import io.learnstream.streams.risk.model.RiskModelEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a fitted {@link RiskModel} is published to the risk-parameters topic so the running risk topology switches to
 * it whole: every entry of {@link RiskModelEntries} under the publication's version, then the {@link #VERSION_KEY}
 * marker, last. The topic has one partition, so a reader that sees the marker has seen every entry before it.
 */
public final class RiskModelPublication {
    /** The entry written last by a publication; its {@code version} names the publication. */
    public static final String VERSION_KEY = "meta/version";

    private RiskModelPublication() {}

    /** The records of one publication, in the order they must be written: entries in key order, the marker last. */
    public static List<RiskParameter> records(RiskModel model, long version) {
        if (version <= 0) throw new IllegalArgumentException("a publication's version must be positive (0 names the shipped defaults), got " + version);
        List<RiskParameter> records = new ArrayList<>();
        RiskModelEntries.of(model).forEach((key, values) -> records.add(new RiskParameter(key, values, version)));
        records.add(new RiskParameter(VERSION_KEY, Map.of(), version));
        return records;
    }
}
