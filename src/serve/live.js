// clearnotice serve: reloads the page when the site is rebuilt, and shows build
// errors over the page. Injected only by `clearnotice serve`, never into `build`.
(function () {
  "use strict";
  var OVERLAY_ID = "clearnotice-error";

  function hideError() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function showError(text) {
    hideError();
    var box = document.createElement("div");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
      "background:#fff;color:#0b0c0c;border-top:8px solid #d4351c;padding:16px 20px;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 12px rgba(0,0,0,.3)";
    var heading = document.createElement("h2");
    heading.textContent = "The site could not be rebuilt. You are seeing the last good version.";
    heading.style.cssText = "margin:0 0 8px;font-size:20px";
    var details = document.createElement("pre");
    details.textContent = text;
    details.style.cssText = "white-space:pre-wrap;font:15px/1.4 ui-monospace,monospace;margin:0 0 12px";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide this message";
    close.style.cssText = "font:inherit;padding:6px 12px;border:2px solid #0b0c0c;background:#f3f2f1;color:#0b0c0c";
    close.addEventListener("click", hideError);
    box.appendChild(heading);
    box.appendChild(details);
    box.appendChild(close);
    document.body.appendChild(box);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideError();
  });

  var source = new EventSource("/__clearnotice/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("error-report", function (event) { showError(event.data); });
  source.addEventListener("ok", hideError);
})();
