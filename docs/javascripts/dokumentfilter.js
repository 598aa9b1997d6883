/* Filters the dokumentbank's table by type and year. First-party, no libraries.
 *
 * Without JavaScript the form stays hidden and the table shows every document.
 * The form is plain <select> elements with labels, so it works with the keyboard
 * and screen readers; the number of documents shown is announced (role=status).
 * Material loads pages instantly only if navigation.instant is on; we listen to
 * both DOMContentLoaded and Material's document$ so the filter works either way.
 */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("dokumentfilter");
    var bank = document.getElementById("dokument-alla");
    if (!form || !bank || form.dataset.ready) return;
    form.dataset.ready = "1";
    var typeCol = parseInt(bank.getAttribute("data-typ-kolumn"), 10);
    var yearCol = parseInt(bank.getAttribute("data-ar-kolumn"), 10);
    var rows = bank.querySelectorAll("tbody tr");
    var typeSel = document.getElementById("filter-typ");
    var yearSel = document.getElementById("filter-ar");
    var status = form.querySelector(".dokumentfilter__antal");

    function cell(row, i) {
      var c = row.cells[i];
      return c ? c.textContent.trim() : "";
    }

    function apply() {
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var ok = (!typeSel.value || cell(rows[i], typeCol) === typeSel.value) &&
                 (!yearSel.value || cell(rows[i], yearCol) === yearSel.value);
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      status.textContent = "Visar " + shown + " av " + rows.length + " dokument.";
    }

    // A filtered view can be linked to: dokument/?typ=Budget&ar=2023
    var params = new URLSearchParams(window.location.search);
    preselect(typeSel, params.get("typ"));
    preselect(yearSel, params.get("ar"));

    function preselect(select, value) {
      if (value === null) return;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) select.value = value;
      }
    }

    function remember() {
      if (!window.history || !window.history.replaceState) return;
      var q = new URLSearchParams();
      if (typeSel.value) q.set("typ", typeSel.value);
      if (yearSel.value) q.set("ar", yearSel.value);
      var s = q.toString();
      window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
    }

    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
