package io.learnstream.registry;

/** Schema texts for registry tests: a record and its changes, each named by what it changes. */
public final class TestSchemas {
    public static final String PERSON = """
            {"type": "record", "name": "Person", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "name", "type": "string"}]}""";
    /** PERSON in another layout: the same schema. */
    public static final String PERSON_REFORMATTED = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"name\",\"type\":\"string\"}]}";
    /** PERSON plus an optional field: compatible both ways. */
    public static final String PERSON_WITH_OPTIONAL_NICK = """
            {"type": "record", "name": "Person", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "name", "type": "string"},
              {"name": "nick", "type": ["null", "string"], "default": null}]}""";
    /** PERSON plus a field without a default: the new schema cannot read old data (not BACKWARD). */
    public static final String PERSON_WITH_REQUIRED_EMAIL = """
            {"type": "record", "name": "Person", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "name", "type": "string"},
              {"name": "email", "type": "string"}]}""";
    /** PERSON without its field 'name', which has no default: old readers cannot read new data (not FORWARD). */
    public static final String PERSON_WITHOUT_NAME = """
            {"type": "record", "name": "Person", "namespace": "test", "fields": [
              {"name": "id", "type": "string"}]}""";
    public static final String NOT_JSON = "{\"type\": \"record\", \"name\": ";
    public static final String UNKNOWN_TYPE = "{\"type\": \"decimal128\"}";

    private TestSchemas() {}
}
