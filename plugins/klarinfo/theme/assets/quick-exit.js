/* klarinfo quick exit: leave the page at once and keep it out of the Back button.
   Click (or Enter on) the exit link, or press Shift three times within two seconds.
   Inside a partner's frame (embed view) the whole window leaves when the frame is
   allowed to navigate it; the frame itself is emptied in any case. */
(function () {
  "use strict";
  var link = document.querySelector("[data-klarinfo-exit]");
  if (!link) return;
  var target = link.href;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.visibility = "hidden";
    document.title = "";
    if (window.top !== window) {
      try {
        window.top.location.replace(target);
      } catch (error) {
        /* the partner's sandbox forbids it: at least leave this frame */
      }
    }
    window.location.replace(target);
  }
  link.addEventListener("click", leave);
  /* Keep jump targets clear of the sticky bar (klarinfo.css, scroll-margin-top): tell
     the stylesheet where the bar ends, again whenever it changes height (it wraps). */
  var bar = document.querySelector("[data-klarinfo-exit-bar]");
  function measure() {
    if (getComputedStyle(bar).position !== "sticky") return; /* embed view: not sticky */
    var bottom = parseFloat(getComputedStyle(bar).top) + bar.getBoundingClientRect().height;
    document.documentElement.style.setProperty("--klarinfo-exit-bottom", bottom + "px");
  }
  if (bar) {
    measure();
    if ("ResizeObserver" in window) new ResizeObserver(measure).observe(bar);
  }
  var presses = 0;
  var first = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    if (now - first > 2000) {
      presses = 0;
      first = now;
    }
    presses += 1;
    if (presses >= 3) leave();
  });
})();
