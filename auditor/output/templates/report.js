// auditor HTML report: filters over the pages' data attributes, and pictures that fail to load.
// The report's only script; the Content-Security-Policy allows it by its hash. It reads text with
// textContent and changes only attributes and classes, never markup.
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");

  // error and load do not bubble: listen in the capture phase (no inline handlers, which CSP forbids)
  doc.addEventListener("error", function (event) {
    var img = event.target;
    if (img && img.tagName === "IMG" && img.parentNode) {
      img.hidden = true;
      img.parentNode.classList.add("failed");
    }
  }, true);
  doc.addEventListener("load", function (event) {
    var img = event.target;
    if (img && img.tagName === "IMG" && img.parentNode) {
      img.parentNode.classList.add("loaded");
    }
  }, true);

  var form = doc.getElementById("filters");
  if (!form) {
    return;
  }
  var severity = doc.getElementById("f-sev");
  var rule = doc.getElementById("f-rule");
  var agency = doc.getElementById("f-agency");
  var file = doc.getElementById("f-file");
  var query = doc.getElementById("f-q");
  var status = doc.getElementById("f-status");
  var pages = Array.prototype.slice.call(doc.querySelectorAll("section.page"));
  var totalFigures = doc.querySelectorAll("article.fig").length;

  function hasWord(list, word) {
    return (" " + (list || "") + " ").indexOf(" " + word + " ") >= 0;
  }

  function searchText(item) {
    if (item.auditorText === undefined) {
      var parts = item.querySelectorAll(".s");
      var text = "";
      for (var i = 0; i < parts.length; i++) {
        text += " " + parts[i].textContent;
      }
      item.auditorText = text.toLowerCase();
    }
    return item.auditorText;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function apply() {
    var s = severity.value;
    var r = rule.value;
    var a = agency.value;
    var f = file.value.trim().toLowerCase();
    var q = query.value.trim().toLowerCase();
    var narrowing = s || r || a || q;
    var shownPages = 0;
    var shownFigures = 0;
    for (var i = 0; i < pages.length; i++) {
      var page = pages[i];
      var fileOk = !f || page.getAttribute("data-f").toLowerCase().indexOf(f) >= 0;
      var items = page.auditorItems || (page.auditorItems = Array.prototype.slice.call(page.querySelectorAll(".it")));
      var any = false;
      for (var j = 0; j < items.length; j++) {
        var item = items[j];
        var d = item.dataset;
        var show = fileOk &&
          (!s || (s === "none" ? !d.s : hasWord(d.s, s))) &&
          (!r || hasWord(d.r, r)) &&
          (!a || (d.a || "").split("|").indexOf(a) >= 0) &&
          (!q || searchText(item).indexOf(q) >= 0);
        if (item.hidden === show) {
          item.hidden = !show;
        }
        if (show) {
          any = true;
          if (item.tagName === "ARTICLE") {
            shownFigures++;
          }
        }
      }
      var pageShown = fileOk && (any || !narrowing);
      if (page.hidden === pageShown) {
        page.hidden = !pageShown;
      }
      if (pageShown) {
        shownPages++;
      }
    }
    status.textContent = (narrowing || f)
      ? "Showing " + shownPages + " of " + plural(pages.length, "page") + " and " + shownFigures + " of " +
        plural(totalFigures, "picture") + "."
      : "Showing all " + plural(pages.length, "page") + " and " + plural(totalFigures, "picture") + ".";
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  }
  severity.addEventListener("change", apply);
  rule.addEventListener("change", apply);
  agency.addEventListener("change", apply);
  file.addEventListener("input", later);
  query.addEventListener("input", later);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    setTimeout(apply, 0);
  });
  form.hidden = false;
  apply();
  doc.documentElement.setAttribute("data-ready", "");
  if (window.performance && performance.mark) {
    performance.mark("auditor-ready");
  }
})();
