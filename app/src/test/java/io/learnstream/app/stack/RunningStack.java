package io.learnstream.app.stack;

import io.learnstream.app.simulate.Credentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

/** An embedded stack on a test's data directory, with the demo district's credential and HTTP helpers. */
final class RunningStack implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final EmbeddedStack stack;
    final Credentials credential;

    private RunningStack(EmbeddedStack stack, Credentials credential) {
        this.stack = stack;
        this.credential = credential;
    }

    static RunningStack start(Path dataDir) {
        EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty()), new SimpleMeterRegistry());
        try {
            return new RunningStack(stack, DemoDistrict.ensure(stack.pipeline().directory(), dataDir.resolve("secrets")));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    HttpResponse<String> post(String body) throws Exception {
        return post("/xAPI/statements", body, credential.authorizationHeader());
    }

    HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + path))
                .header("Content-Type", "application/json").header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String query) throws Exception {
        return get(query, credential.authorizationHeader());
    }

    HttpResponse<String> get(String query, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/xAPI/statements" + query))
                .header("X-Experience-API-Version", "1.0.3").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of any LRS resource, {@code path} with its query. */
    HttpResponse<String> getResource(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + path))
                .header("X-Experience-API-Version", "1.0.3").header("Authorization", credential.authorizationHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> head(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/xAPI/statements" + query))
                .header("X-Experience-API-Version", "1.0.3").header("Authorization", credential.authorizationHeader())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request in the 1.0.3 alternate request syntax: {@code ?method=} and a form holding the headers and parameters. */
    HttpResponse<String> alternate(String method, String urlEncodedForm) throws Exception {
        String form = urlEncodedForm + "&Authorization=" + java.net.URLEncoder.encode(credential.authorizationHeader(), java.nio.charset.StandardCharsets.UTF_8)
                + "&X-Experience-API-Version=1.0.3";
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/xAPI/statements?method=" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    long engagementEvents() {
        return stack.store().query("SELECT sum(events) FROM engagement_daily").singleLong();
    }

    @Override
    public void close() {
        stack.close();
    }
}
