package io.learnstream.ingest.lrs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The languages a caller prefers, from its {@code Accept-Language} header, and the choice of one language of a
 * language map by them (RFC 2616, 14.4, applied to each language map on its own as xAPI asks for the
 * {@code canonical} format).
 *
 * <p>A range matches a language tag when it equals the tag or a prefix of it followed by {@code -} (so {@code en}
 * matches {@code en-US}), case-insensitively; {@code *} matches every tag. A tag weighs the quality of the longest
 * range that matches it. A header that cannot be read in part is read as far as it can be: a preference never
 * causes an error.
 */
public final class LanguagePreference {
    private record Range(String range, double quality) {}

    private static final LanguagePreference NONE = new LanguagePreference(List.of());

    private final List<Range> ranges;

    private LanguagePreference(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** No preference: every language map keeps its first language. */
    public static LanguagePreference none() {
        return NONE;
    }

    /** The preference an {@code Accept-Language} header states; {@code null} or blank states none. */
    public static LanguagePreference parse(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return NONE;
        List<Range> ranges = new ArrayList<>();
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.split(";");
            String range = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!range.matches("\\*|[a-z0-9]{1,8}(-[a-z0-9]{1,8})*")) continue;
            double quality = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException unreadable) {
                        quality = -1;
                    }
                }
            }
            if (quality >= 0 && quality <= 1) ranges.add(new Range(range, quality));
        }
        return new LanguagePreference(ranges);
    }

    /**
     * The language of {@code tags} (a language map's keys, in their order) the caller prefers most: the first of
     * the tags of the highest quality above zero, or the first tag when the caller accepts none of them.
     *
     * @throws IllegalArgumentException when there are no tags to choose from
     */
    public String choose(Collection<String> tags) {
        if (tags.isEmpty()) throw new IllegalArgumentException("a language map without languages has nothing to choose");
        String best = null;
        double bestQuality = 0;
        for (String tag : tags) {
            double quality = quality(tag);
            if (quality > bestQuality) {
                best = tag;
                bestQuality = quality;
            }
        }
        return best != null ? best : tags.iterator().next();
    }

    private double quality(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        int longest = -1;
        double quality = 0;
        for (Range range : ranges) {
            boolean matches = range.range().equals("*")
                    || lower.equals(range.range())
                    || lower.startsWith(range.range() + "-");
            int specificity = range.range().equals("*") ? 0 : range.range().length();
            if (matches && specificity > longest) {
                longest = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }
}
