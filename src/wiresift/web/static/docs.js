// The /docs page: Swagger UI from the vendored bundle, over the app's own OpenAPI schema.
// A file of its own because the Content-Security-Policy runs no inline script.
"use strict";
(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.spec,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // never ask an outside validator about the schema
    // "Try it out" on a write sends the session's anti-CSRF token, like the pages do.
    requestInterceptor: (req) => {
      req.headers["X-CSRF-Token"] = document.querySelector("meta[name=csrf-token]").content;
      return req;
    },
  });
})();
