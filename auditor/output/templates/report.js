// auditor HTML report: unpacking a large report's pages, filters over the pages, and pictures that
// fail to load. The report's only script; its Content-Security-Policy allows it by its hash. It reads
// page text with textContent and adds no markup but the writer's own (the packed pages).
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
      var label = img.parentNode.querySelector("p");
      if (label) {
        label.textContent = "Picture could not be loaded: " + img.getAttribute("src");
      }
    }
  }, true);
  doc.addEventListener("load", function (event) {
    var img = event.target;
    if (img && img.tagName === "IMG" && img.parentNode) {
      img.parentNode.classList.add("loaded");
    }
  }, true);

  var form = doc.getElementById("filters");
  var main = doc.getElementById("pages");
  var status = doc.getElementById("f-status");
  if (!form || !main || !status) {
    return;
  }

  function ready() {
    doc.documentElement.setAttribute("data-ready", "");
    if (window.performance && performance.mark) {
      performance.mark("auditor-ready");
    }
  }

  // A large report packs its pages (gzip, base64, in inert <template class="pack">s): unpack them in
  // order and add each part after the last, letting the browser paint in between.
  function unpack(packs, done) {
    var index = 0;
    function next() {
      if (index >= packs.length) {
        done();
        return;
      }
      var pack = packs[index++];
      var binary = atob(pack.content.textContent);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      new Response(stream).text().then(function (html) {
        pack.remove();
        main.insertAdjacentHTML("beforeend", html);
        status.textContent = "Unpacking the pages: part " + index + " of " + packs.length + "…";
        setTimeout(next, 0);
      }, function () {
        status.textContent = "This browser could not unpack the report's pages; open it in a current browser.";
      });
    }
    next();
  }

  function filters() {
    var severity = doc.getElementById("f-sev");
    var rule = doc.getElementById("f-rule");
    var agency = doc.getElementById("f-agency");
    var file = doc.getElementById("f-file");
    var query = doc.getElementById("f-q");
    var pages = Array.prototype.slice.call(doc.querySelectorAll("section.page"));
    var totalFigures = doc.querySelectorAll("section.page article").length;

    // What each filterable part (a figure card, a page's text panel) holds, read once from its
    // markup: severities from the findings' labels, rules from their links, agencies from data-a,
    // and the search text from the alt texts, captions, credits, sign-off and datelines (dd).
    function facts(item) {
      if (!item.auditorFacts) {
        var severities = [];
        var rules = [];
        var text = "";
        var labels = item.querySelectorAll("li > .sev");
        for (var i = 0; i < labels.length; i++) {
          severities.push(labels[i].classList[1]);
        }
        var links = item.querySelectorAll("li > a");
        for (var j = 0; j < links.length; j++) {
          rules.push(links[j].getAttribute("href").slice(6));  // #rule-ID
        }
        var parts = item.querySelectorAll("dd");
        for (var k = 0; k < parts.length; k++) {
          text += " " + parts[k].textContent;
        }
        item.auditorFacts = {
          severities: severities,
          rules: rules,
          agencies: (item.getAttribute("data-a") || "").split("|"),
          text: text.toLowerCase()
        };
      }
      return item.auditorFacts;
    }

    function parts(page) {
      if (!page.auditorParts) {
        page.auditorParts = Array.prototype.slice.call(page.querySelectorAll("article, div.txt"));
        page.auditorPath = page.querySelector("h2").textContent.toLowerCase();
      }
      return page.auditorParts;
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
        var items = parts(page);
        var fileOk = !f || page.auditorPath.indexOf(f) >= 0;
        var any = false;
        for (var j = 0; j < items.length; j++) {
          var item = items[j];
          var show = fileOk;
          if (show && narrowing) {
            var d = facts(item);
            show = (!s || (s === "none" ? d.severities.length === 0 : d.severities.indexOf(s) >= 0)) &&
              (!r || d.rules.indexOf(r) >= 0) &&
              (!a || d.agencies.indexOf(a) >= 0) &&
              (!q || d.text.indexOf(q) >= 0);
          }
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
    apply();
    ready();
  }

  form.hidden = false;
  var packs = Array.prototype.slice.call(doc.querySelectorAll("template.pack"));
  if (!packs.length) {
    filters();
  } else if (typeof DecompressionStream === "undefined") {
    status.textContent = "This browser cannot unpack the report's pages (it lacks DecompressionStream); " +
      "open the report in a current browser.";
  } else {
    form.querySelectorAll("select, input, button").forEach(function (control) {
      control.disabled = true;
    });
    unpack(packs, function () {
      form.querySelectorAll("select, input, button").forEach(function (control) {
        control.disabled = false;
      });
      filters();
    });
  }
})();
