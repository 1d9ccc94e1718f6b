/* klarinfo embed.js, for partner sites: sizes our iframes to their content.
   Use: <iframe src="https://klarinfo.example.org/embed/tolk/" title="…" data-klarinfo-embed
        style="width:100%;height:800px;border:0"></iframe>
        <script src="embed.js" defer></script>   (a copy on your site, or ours)
   It only accepts version-1 "klarinfo:embed-height" messages that come from the window of
   one of those iframes and from that iframe's own origin; everything else is ignored.
   No dependencies, no cookies, no requests. */
(function () {
  "use strict";
  var MAX = 100000;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "klarinfo:embed-height" || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > MAX) return;
    var frames = document.querySelectorAll("iframe[data-klarinfo-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (error) {
        continue;
      }
      if (event.origin !== origin) continue;
      frame.style.height = Math.ceil(height) + "px";
    }
  });
})();
