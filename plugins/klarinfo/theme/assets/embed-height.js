/* klarinfo embed view: tell the partner page how tall our content is, so its iframe fits.
   Message (version 1), posted to the parent window whenever the height changes:
   {"type": "klarinfo:embed-height", "version": 1, "height": <CSS pixels>, "url": <this URL>}
   The height is not secret, so any parent may read it; the partner's embed.js checks
   that the message comes from our origin and from its own iframe. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(
      { type: "klarinfo:embed-height", version: 1, height: height, url: location.href }, "*");
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  document.addEventListener("toggle", post, true); /* a <details> opened or closed */
  if ("ResizeObserver" in window) new ResizeObserver(post).observe(document.body);
  post();
})();
