// Wide tables and code blocks scroll sideways on narrow screens. A region that
// scrolls must be reachable by keyboard (WCAG 2.1.1), so each one that overflows
// gets tabindex="0", and a name for screen readers. First-party, no libraries.
(function () {
  "use strict";
  function mark() {
    var regions = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    Array.prototype.forEach.call(regions, function (el) {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        var caption = el.querySelector("caption");
        el.setAttribute(
          "aria-label",
          caption ? caption.textContent.trim() + " (rullbar)" : el.tagName === "CODE" ? "Kodexempel (rullbart)" : "Tabell (rullbar)"
        );
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
  window.addEventListener("resize", mark);
})();
