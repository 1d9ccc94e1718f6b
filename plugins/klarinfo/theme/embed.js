/* klarinfo embed.js, for partner sites: sizes our iframes to their content.
   Use the snippet on our partner page (it pins this file with integrity="sha384-…"):
     <iframe src="https://klarinfo.example.org/embed/tolk/" title="…" data-klarinfo-embed
       sandbox="allow-scripts allow-same-origin allow-top-navigation-by-user-activation"
       referrerpolicy="no-referrer" style="width:100%;height:800px;border:0"></iframe>
     <script src="https://klarinfo.example.org/embed.js" integrity="sha384-…"
       crossorigin="anonymous" referrerpolicy="no-referrer" defer></script>
   It only accepts version-1 "klarinfo:embed-height" messages that come from the window of
   one of those iframes and from that iframe's own origin, with a height that is a finite
   number of CSS pixels between MIN and MAX; everything else is ignored. When a frame has
   loaded it asks the frame for its height again
   ({"type": "klarinfo:embed-height-request", "version": 1}), so a wrong height is corrected;
   at start only the frames our page is already in (a frame not yet loaded still holds the
   partner's own about:blank, and a message for our origin would be refused with a console
   error: it gets asked at its load event, and our page sends its height by itself anyway).
   No dependencies, no cookies, no requests. */
(function () {
  "use strict";
  if (window.klarinfoEmbed) return; /* the snippet twice on one page: one listener */
  window.klarinfoEmbed = true;
  var MIN = 50, MAX = 50000; /* our longest page on a phone is about 15 000 px */
  var SELECTOR = "iframe[data-klarinfo-embed]";

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  function ask(frame) {
    var origin = originOf(frame);
    if (origin && frame.contentWindow) {
      frame.contentWindow.postMessage(
        { type: "klarinfo:embed-height-request", version: 1 }, origin);
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "klarinfo:embed-height" ||
        data.version !== 1) return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN || height > MAX) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) continue;
      frame.style.height = Math.ceil(height) + "px";
    }
  });
  /* Whether a frame already holds the page it was sent to: its document is then another
     origin's (not readable: null) or, on our own site, no longer the initial about:blank. */
  function loaded(frame) {
    var doc;
    try {
      doc = frame.contentDocument;
    } catch (error) {
      return true;
    }
    return !doc || (doc.URL !== "about:blank" && doc.readyState === "complete");
  }

  /* load does not bubble, but it passes the document in the capture phase */
  document.addEventListener("load", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches(SELECTOR) && loaded(target)) ask(target);
  }, true);
  var frames = document.querySelectorAll(SELECTOR);
  for (var i = 0; i < frames.length; i++) {
    if (loaded(frames[i])) ask(frames[i]);
  }
})();
