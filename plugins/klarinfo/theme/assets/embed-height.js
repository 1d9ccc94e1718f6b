/* klarinfo embed view: tell the partner page how tall our content is, so its iframe fits.
   Message (version 1), posted to the parent window whenever the height changes, on load
   and whenever the parent asks ({"type": "klarinfo:embed-height-request", "version": 1}):
   {"type": "klarinfo:embed-height", "version": 1, "height": <CSS pixels>, "url": <this URL>}
   The height is not secret, so any parent may read it or ask for it; the partner's
   embed.js checks that the message comes from our origin and from its own iframe. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function post(force) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && force !== true) return;
    last = height;
    window.parent.postMessage(
      { type: "klarinfo:embed-height", version: 1, height: height, url: location.href }, "*");
  }
  function again() { post(true); }
  window.addEventListener("load", again); /* fonts and images are in: the final height */
  window.addEventListener("resize", post);
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source === window.parent && data && typeof data === "object" &&
        data.type === "klarinfo:embed-height-request" && data.version === 1) again();
  });
  document.addEventListener("toggle", post, true); /* a <details> opened or closed */
  if ("ResizeObserver" in window) new ResizeObserver(post).observe(document.body);
  post();
})();
