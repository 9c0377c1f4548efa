// clearnotice serve: reloads the page when the site is rebuilt, shows a build error
// over the page (red, role=alert) and the warnings of the last build in a calm panel
// (role=status, announced politely). Injected only by `clearnotice serve`, never into
// `build`. Both boxes come first in the page, so the first Tab reaches their button.
(function () {
  "use strict";
  var ERROR_ID = "clearnotice-error";
  var WARNINGS_ID = "clearnotice-warnings";

  function remove(id) {
    var old = document.getElementById(id);
    if (old) old.remove();
  }

  // A box with a heading, the report as plain text and a button that hides it.
  function box(id, role, heading, text, colour) {
    remove(id);
    var panel = document.createElement("section");
    panel.id = id;
    panel.setAttribute("role", role);
    panel.setAttribute("aria-labelledby", id + "-heading");
    panel.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff;color:#0b0c0c;border-top:8px solid " + colour + ";padding:16px 20px;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 12px rgba(0,0,0,.3)";
    var title = document.createElement("h2");
    title.id = id + "-heading";
    title.textContent = heading;
    title.style.cssText = "margin:0 0 8px;font-size:20px;color:#0b0c0c";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide this message";
    close.style.cssText = "font:inherit;padding:6px 12px;margin:0 0 12px;border:2px solid #0b0c0c;background:#f3f2f1;color:#0b0c0c";
    close.addEventListener("click", function () { remove(id); });
    var details = document.createElement("pre");
    details.textContent = text;
    details.style.cssText = "white-space:pre-wrap;font:15px/1.4 ui-monospace,monospace;margin:0;color:#0b0c0c";
    panel.appendChild(title);
    panel.appendChild(close);
    panel.appendChild(details);
    document.body.insertBefore(panel, document.body.firstChild);
  }

  function showError(text) {
    remove(WARNINGS_ID);
    box(ERROR_ID, "alert", "The site could not be rebuilt. You are seeing the last good version.", text, "#d4351c");
  }

  // The event's first line is how many warnings there are; the rest shows some.
  function showWarnings(data) {
    remove(ERROR_ID);
    var newline = data.indexOf("\n");
    var count = parseInt(data.slice(0, newline), 10);
    var text = data.slice(newline + 1);
    var heading = count === 1 ? "The site was built, with 1 warning" : "The site was built, with " + count + " warnings";
    box(WARNINGS_ID, "status", heading, text, "#1a4480");
  }

  function allWell() {
    remove(ERROR_ID);
    remove(WARNINGS_ID);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      remove(ERROR_ID);
      remove(WARNINGS_ID);
    }
  });

  // Every event carries data: a browser drops an event whose data is empty. Once
  // the page is reloading, later events are for the new page, which is told again.
  var reloading = false;
  function unlessReloading(show) {
    return function (event) { if (!reloading) show(event.data); };
  }
  var source = new EventSource("/__clearnotice/events");
  source.addEventListener("reload", function () {
    reloading = true;
    source.close();
    window.location.reload();
  });
  source.addEventListener("error-report", unlessReloading(showError));
  source.addEventListener("warnings", unlessReloading(showWarnings));
  source.addEventListener("ok", unlessReloading(allWell));
})();
