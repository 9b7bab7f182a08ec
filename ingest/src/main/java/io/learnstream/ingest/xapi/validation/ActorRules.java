package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Agents and Groups (xAPI Data 2.4.2), wherever they appear: actor, object, authority, instructor, team, members,
 * Context Agents and Context Groups.
 *
 * <ul>
 *   <li>An Agent has exactly one inverse functional identifier (IFI): mbox, mbox_sha1sum, openid or account.
 *   <li>A Group says {@code "objectType": "Group"}. An identified Group has exactly one IFI; an anonymous Group has
 *       none and lists its members. Members are Agents, never Groups.
 *   <li>mbox is a {@code mailto:} IRI with an address, mbox_sha1sum 40 hex digits, openid a URI, account an object
 *       with homePage (an IRL) and name (a non-empty string); name is a string.
 * </ul>
 */
final class ActorRules {
    private static final String[] IFIS = {"mbox", "mbox_sha1sum", "openid", "account"};

    private ActorRules() {}

    /** An actor or instructor: an Agent (objectType optional) or a Group. */
    static void requireAgentOrGroup(JsonNode node, JsonPath path) {
        Shapes.requireObject(node, path, "an Agent or a Group");
        JsonNode objectType = node.get("objectType");
        if (objectType == null || isText(objectType, "Agent")) {
            agent(node, path);
        } else if (isText(objectType, "Group")) {
            group(node, path);
        } else {
            throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, "'Agent' or 'Group'"));
        }
    }

    /** An Agent in a place only Agents may be: a Group's member or a Context Agent's agent. */
    static void requireAgent(JsonNode node, JsonPath path) {
        Shapes.requireObject(node, path, "an Agent");
        JsonNode objectType = node.get("objectType");
        if (objectType != null && !isText(objectType, "Agent")) {
            throw Shapes.reject(path.field("objectType"), isText(objectType, "Group")
                    ? "must be 'Agent': a Group's members and a Context Agent's agent are Agents, not Groups"
                    : ObjectTypes.mustBe(objectType, "'Agent' (or left out)"));
        }
        agent(node, path);
    }

    /** A Group in a place only Groups may be (a team, a Context Group's group): objectType is required. */
    static void requireGroup(JsonNode node, JsonPath path) {
        Shapes.requireObject(node, path, "a Group");
        JsonNode objectType = node.get("objectType");
        if (objectType == null) throw Shapes.reject(path.field("objectType"), "is required: this must be a Group, with objectType 'Group'");
        if (!isText(objectType, "Group")) throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, "'Group'"));
        group(node, path);
    }

    /**
     * The statement's authority (Data 2.4.9): an Agent, or for 3-legged OAuth an anonymous Group of exactly two
     * Agents, the application and the user.
     */
    static void requireAuthority(JsonNode node, JsonPath path) {
        requireAgentOrGroup(node, path);
        if (isText(node.get("objectType"), "Group")) {
            JsonNode members = node.get("member");
            if (identifiers(node) > 0 || members == null || members.size() != 2) {
                throw Shapes.reject(path, "an authority that is a Group must be an anonymous Group of exactly two Agents "
                        + "(the OAuth consumer and the user), without an identifier of its own");
            }
        }
    }

    private static void agent(JsonNode node, JsonPath path) {
        PropertySets.requireOnly(node, path, PropertySets.AGENT);
        name(node, path);
        int count = validIdentifiers(node, path);
        if (count != 1) {
            throw Shapes.reject(path, "an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account), it has " + count);
        }
    }

    private static void group(JsonNode node, JsonPath path) {
        PropertySets.requireOnly(node, path, PropertySets.GROUP);
        name(node, path);
        int count = validIdentifiers(node, path);
        if (count > 1) {
            throw Shapes.reject(path, "a Group must not have more than one identifier (mbox, mbox_sha1sum, openid or account), it has " + count);
        }
        JsonNode members = node.get("member");
        if (members == null) {
            if (count == 0) throw Shapes.reject(path.field("member"), "is required: an anonymous Group (one without an identifier) must list its members");
            return;
        }
        JsonPath membersPath = path.field("member");
        Shapes.requireArray(members, membersPath, "an array of Agents");
        if (count == 0 && members.isEmpty()) {
            throw Shapes.reject(membersPath, "must list at least one Agent: an anonymous Group is defined by its members");
        }
        for (int i = 0; i < members.size(); i++) requireAgent(members.get(i), membersPath.index(i));
    }

    private static void name(JsonNode node, JsonPath path) {
        JsonNode name = node.get("name");
        if (name != null) Shapes.requireString(name, path.field("name"));
    }

    /** Validates each identifier present and answers how many there are. */
    private static int validIdentifiers(JsonNode node, JsonPath path) {
        int count = 0;
        JsonNode mbox = node.get("mbox");
        if (mbox != null) {
            count++;
            JsonPath mboxPath = path.field("mbox");
            if (!Iris.isMailtoIri(Shapes.requireString(mbox, mboxPath))) {
                throw Shapes.reject(mboxPath, "must be a 'mailto:' IRI with an e-mail address, such as mailto:ann@example.org");
            }
        }
        JsonNode sha1 = node.get("mbox_sha1sum");
        if (sha1 != null) {
            count++;
            JsonPath sha1Path = path.field("mbox_sha1sum");
            if (!Hex.isHex(Shapes.requireString(sha1, sha1Path), 40)) {
                throw Shapes.reject(sha1Path, "must be the hex-encoded SHA-1 of a mailto IRI (40 hexadecimal digits)");
            }
        }
        JsonNode openid = node.get("openid");
        if (openid != null) {
            count++;
            Iris.requireUri(openid, path.field("openid"));
        }
        JsonNode account = node.get("account");
        if (account != null) {
            count++;
            account(account, path.field("account"));
        }
        return count;
    }

    private static void account(JsonNode account, JsonPath path) {
        Shapes.requireObject(account, path, "an Account with homePage and name");
        Iris.requireIrl(Shapes.required(account, "homePage", path), path.field("homePage"));
        Shapes.requireNonEmptyString(Shapes.required(account, "name", path), path.field("name"));
        PropertySets.requireOnly(account, path, PropertySets.ACCOUNT);
    }

    /** How many identifiers the (already validated) Agent or Group has. */
    private static int identifiers(JsonNode node) {
        int count = 0;
        for (String ifi : IFIS) {
            if (node.has(ifi)) count++;
        }
        return count;
    }

    private static boolean isText(JsonNode node, String text) {
        return node != null && node.isTextual() && text.equals(node.textValue());
    }
}
