package io.learnstream.app.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The dashboard's addresses and element ids, written once: the student page is at
 * {@code /classes/<classId>/students/<studentKey>}, the address alert delivery links to.
 */
public final class Links {
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    /** Sign-in at a district's OpenID Connect provider: {@code /login/oidc/<district>}, answered at {@code .../callback}. */
    public static final String LOGIN_OIDC = "/login/oidc";

    public static String oidcLogin(String tenantId) {
        return LOGIN_OIDC + "/" + tenantId;
    }

    public static String oidcCallback(String tenantId) {
        return oidcLogin(tenantId) + "/callback";
    }
    public static final String CLASSES = "/classes";
    public static final String ALERTS = "/alerts";
    public static final String EVENTS = "/events";
    public static final String API = "/api";

    private Links() {}

    public static String classPage(String classId) {
        return CLASSES + "/" + segment(classId);
    }

    public static String studentPage(String classId, String studentKey) {
        return classPage(classId) + "/students/" + segment(studentKey);
    }

    /** One path segment, percent-encoded. */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An HTML id for any text (an alert id, a student of a class): {@code prefix-} and 16 hex digits of its SHA-256. */
    public static String domId(String prefix, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public static String alertId(String alertId) {
        return domId("alert", alertId);
    }

    public static String riskRowId(String classId, String studentKey) {
        return domId("risk", classId + "/" + studentKey);
    }

    /** The name of the live-update event carrying a changed row of the class list (any class the page's principal may see). */
    public static final String CLASS_ROW_EVENT = "class-row";

    public static String classRowId(String classId) {
        return domId("class", classId);
    }

    /** The name of the live-update event carrying a class's changed risk rows. */
    public static String riskEvent(String classId) {
        return domId("risk", classId);
    }
}
