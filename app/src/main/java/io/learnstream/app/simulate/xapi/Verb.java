package io.learnstream.app.simulate.xapi;

/**
 * An xAPI verb.
 *
 * @param id the verb's IRI
 * @param display its {@code en-US} display name
 */
public record Verb(String id, String display) {
}
