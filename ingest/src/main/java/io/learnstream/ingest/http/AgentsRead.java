package io.learnstream.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.lrs.QueryParameters;
import io.learnstream.ingest.lrs.StatementQueryException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /xAPI/agents?agent=}: the Person object of an Agent (Communication 2.4), each property an array. This LRS
 * links no identities across agents, so the Person holds what the agent parameter says: its name (an empty list when
 * it has none) and its identifier, as the specification allows when the LRS knows nothing more. Needs the
 * {@code profile} scope.
 */
final class AgentsRead {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] IDENTIFIERS = {"mbox", "mbox_sha1sum", "openid", "account"};

    void get(Context ctx) {
        XapiGate.principal(ctx, Scope.PROFILE);
        Map<String, List<String>> query = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!parameter.getKey().equals(DocumentParameters.AGENT)) {
                throw new StatementQueryException(parameter.getKey(), "is not a parameter of the Agents resource; its one parameter is agent");
            }
            if (parameter.getValue().size() != 1) throw new StatementQueryException(DocumentParameters.AGENT, "must be given exactly once");
        }
        List<String> agent = query.get(DocumentParameters.AGENT);
        if (agent == null || agent.isEmpty()) throw new StatementQueryException(DocumentParameters.AGENT, "is required");
        ctx.json(person(QueryParameters.agent(DocumentParameters.AGENT, agent.getFirst())));
    }

    /** The Person of one Agent: {@code objectType} Person, then {@code name} and the identifier, each as an array. */
    static ObjectNode person(JsonNode agent) {
        ObjectNode person = JSON.createObjectNode();
        person.put("objectType", "Person");
        var names = person.putArray("name");
        if (agent.path("name").isTextual()) names.add(agent.get("name").asText());
        for (String identifier : IDENTIFIERS) {
            if (agent.has(identifier)) person.putArray(identifier).add(agent.get(identifier));
        }
        return person;
    }
}
