package io.learnstream.app.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Concurrent HTTP clients asking the dashboard for pages as signed-in people (each request with its person's session
 * cookie), as the ingest benchmark's clients post statements: Apache HttpClient's blocking clients, each taking the
 * next request, failing on any answer but 200 or a page without what it must show.
 */
final class PageLoad implements AutoCloseable {
    /** One GET: the page, the session it is asked in, and a text the answer must hold (so a wrong page is not timed as right). */
    record Request(String path, String cookie, String mustShow) {}

    private final String baseUrl;
    private final int clients;
    private final CloseableHttpClient http;

    PageLoad(String baseUrl, int clients) {
        this.baseUrl = baseUrl;
        this.clients = clients;
        this.http = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(clients).setMaxConnPerRoute(clients).build())
                .build();
    }

    /** Signs in through the sign-in form; the session cookie ({@code name=value}). */
    String signIn(String district, String username, String password) throws Exception {
        HttpPost post = new HttpPost(URI.create(baseUrl + "/login"));
        post.setEntity(new StringEntity("district=" + enc(district) + "&username=" + enc(username) + "&password=" + enc(password),
                ContentType.APPLICATION_FORM_URLENCODED));
        return http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 303 || response.getFirstHeader("Set-Cookie") == null) {
                throw new IllegalStateException("sign-in of " + district + "/" + username + " got HTTP " + response.getCode());
            }
            return response.getFirstHeader("Set-Cookie").getValue().split(";", 2)[0];
        });
    }

    /** Makes every request, {@code clients} at a time; each one's latency and the whole run's time. */
    Latencies run(List<Request> requests) throws Exception {
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        Request request = requests.get(i);
                        HttpGet get = new HttpGet(URI.create(baseUrl + request.path()));
                        if (request.cookie() != null) get.setHeader("Cookie", request.cookie());
                        long t0 = System.nanoTime();
                        http.execute(get, response -> {
                            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                            if (response.getCode() != 200 || !body.contains(request.mustShow())) {
                                throw new IllegalStateException("GET " + request.path() + " got HTTP " + response.getCode()
                                        + (response.getCode() == 200 ? " without '" + request.mustShow() + "'" : ": " + body));
                            }
                            return null;
                        });
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        }
        return Latencies.of(latencies, System.nanoTime() - started);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        http.close();
    }
}
