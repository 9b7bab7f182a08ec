package io.learnstream.app.dashboard.web;

import io.learnstream.app.dashboard.authz.Principal;

/** What every signed-in page's frame shows: who is signed in, the session's CSRF token, the page's place in the menu. */
public record Chrome(Principal principal, String csrfToken, String section) {}
