package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.xapi.XapiVersion;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The xAPI 1.0.3 Alternate Request Syntax (Communication 1.3), for clients that can send neither headers nor methods
 * other than GET and POST: {@code POST /xAPI/statements?method=PUT} with an {@code application/x-www-form-urlencoded}
 * body whose parameters are the request's headers ({@code Authorization}, {@code X-Experience-API-Version},
 * {@code Content-Type}, ...), its body ({@code content}) and its query parameters (all the others). This servlet filter
 * turns such a request into the request it stands for before the routes see it, so every resource answers it as it
 * answers the plain request. xAPI 2.0 removed the syntax: a request that names 2.0 (as a form parameter or a header) is
 * refused. A request breaking the syntax's rules is passed on unchanged and marked; the route's
 * {@link #requireWellFormed(Context)} then answers 400 naming the rule (so the error has the usual body and metrics).
 */
final class AlternateRequestSyntax implements Filter {
    static final String METHOD_PARAMETER = "method";
    static final String CONTENT_PARAMETER = "content";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String REJECTION = "learnstream.alternate-syntax-rejection";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST");
    /** The form parameters that stand for headers (Communication 1.3.s3.b7); any other one is a query parameter. */
    private static final Set<String> HEADER_PARAMETERS = caseInsensitive(
            "Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match");

    private final int maxBodyBytes;

    AlternateRequestSyntax(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        MultiMap<String> query = decode(http.getQueryString());
        if (!query.containsKey(METHOD_PARAMETER)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest translated;
        try {
            translated = translate(http, query);
        } catch (ApiException rejected) {
            http.setAttribute(REJECTION, rejected);
            translated = http;
        }
        chain.doFilter(translated, response);
    }

    /** Before any other handler of the routes the filter covers: 400 for a request that broke the syntax's rules. */
    static void requireWellFormed(Context ctx) {
        if (ctx.attribute(REJECTION) instanceof ApiException rejected) throw rejected;
    }

    private HttpServletRequest translate(HttpServletRequest http, MultiMap<String> query) throws IOException {
        if (!"POST".equals(http.getMethod())) {
            throw rejected("the alternate request syntax (?method=) is sent as POST, not " + http.getMethod());
        }
        String method = query.getValue(METHOD_PARAMETER, 0);
        if (query.size() > 1 || query.getValues(METHOD_PARAMETER).size() > 1) {
            throw rejected("the alternate request syntax takes no query parameter but one method; send "
                    + String.join(", ", new TreeSet<>(query.keySet()).stream().filter(k -> !k.equals(METHOD_PARAMETER)).toList())
                    + " as form parameters");
        }
        if (method == null || !METHODS.contains(method)) {
            throw rejected("method must be GET, PUT or POST, not '" + method + "'");
        }
        String contentType = http.getContentType() == null ? "" : http.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(FORM)) {
            throw rejected("the alternate request syntax sends its parameters as " + FORM + ", not '"
                    + (http.getContentType() == null ? "" : http.getContentType()) + "'");
        }
        MultiMap<String> form = decode(readBody(http));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        MultiMap<String> parameters = new MultiMap<>();
        byte[] content = null;
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                if (name.equals(CONTENT_PARAMETER)) content = value.getBytes(StandardCharsets.UTF_8);
                else if (HEADER_PARAMETERS.contains(name)) headers.put(name, value);
                else parameters.add(name, value);
            }
        }
        String version = headers.containsKey(XapiVersion.HEADER) ? headers.get(XapiVersion.HEADER) : http.getHeader(XapiVersion.HEADER);
        if (XapiVersion.negotiate(version).orElse(null) == XapiVersion.V2_0_0) {
            throw rejected("xAPI 2.0 has no alternate request syntax: send the request itself (" + method
                    + " with its headers and query parameters), or speak 1.0.3 to use ?method=");
        }
        if (!method.equals("GET") && content == null) {
            throw rejected("a " + method + " in the alternate request syntax sends its body as the form parameter 'content'");
        }
        if (content != null && !headers.containsKey("Content-Type")) headers.put("Content-Type", "application/json");
        headers.remove("Content-Length"); // the length is the content's
        return new Translated(http, method, headers, parameters, content == null ? new byte[0] : content);
    }

    private String readBody(HttpServletRequest http) throws IOException {
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new ApiException(413, "too_large", "the request body is larger than " + maxBodyBytes + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static MultiMap<String> decode(String urlEncoded) {
        MultiMap<String> parameters = new MultiMap<>();
        if (urlEncoded != null && !urlEncoded.isEmpty()) {
            try {
                UrlEncoded.decodeUtf8To(urlEncoded, parameters);
            } catch (IllegalArgumentException e) {
                throw rejected("the parameters are not URL-encoded: " + e.getMessage());
            }
        }
        return parameters;
    }

    private static ApiException rejected(String message) {
        return new ApiException(400, "alternate_request_syntax", message);
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return set;
    }

    /** The request an alternate-syntax request stands for: its method, headers, query parameters and body. */
    private static final class Translated extends HttpServletRequestWrapper {
        private final String method;
        private final Map<String, String> headers;
        private final MultiMap<String> parameters;
        private final String queryString;
        private final byte[] content;

        Translated(HttpServletRequest request, String method, Map<String, String> headers, MultiMap<String> parameters, byte[] content) {
            super(request);
            this.method = method;
            this.headers = headers;
            this.parameters = parameters;
            this.queryString = UrlEncoded.encode(parameters, StandardCharsets.UTF_8, false);
            this.content = content;
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getQueryString() {
            return queryString.isEmpty() ? null : queryString;
        }

        @Override
        public String getParameter(String name) {
            return parameters.getValue(name, 0);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters.toStringArrayMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.toStringArrayMap().get(name);
        }

        @Override
        public String getHeader(String name) {
            if (name.equalsIgnoreCase("Content-Length")) return Integer.toString(content.length);
            String value = headers.get(name);
            return value != null ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = caseInsensitive();
            names.addAll(Collections.list(super.getHeaderNames()));
            names.addAll(headers.keySet());
            return Collections.enumeration(new ArrayList<>(names));
        }

        @Override
        public String getContentType() {
            return headers.get("Content-Type");
        }

        @Override
        public int getContentLength() {
            return content.length;
        }

        @Override
        public long getContentLengthLong() {
            return content.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(content);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the content of an alternate-syntax request is read blocking");
                }
            };
        }
    }
}
