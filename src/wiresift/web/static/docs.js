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
  });
})();
