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

  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark(name);
    }
  }

  var filters = (function () {
    var severity = doc.getElementById("f-sev");
    var rule = doc.getElementById("f-rule");
    var agency = doc.getElementById("f-agency");
    var file = doc.getElementById("f-file");
    var query = doc.getElementById("f-q");
    var pages = [];
    var figures = 0;
    var shown = {pages: 0, figures: 0};
    var note = "";

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

    function current() {
      var c = {
        s: severity.value,
        r: rule.value,
        a: agency.value,
        f: file.value.trim().toLowerCase(),
        q: query.value.trim().toLowerCase()
      };
      c.narrowing = c.s || c.r || c.a || c.q;
      return c;
    }

    // Show or hide one page and its parts; count what is shown.
    function filterPage(page, c) {
      var fileOk = !c.f || page.auditorPath.indexOf(c.f) >= 0;
      var any = false;
      var items = page.auditorParts;
      for (var j = 0; j < items.length; j++) {
        var item = items[j];
        var show = fileOk;
        if (show && c.narrowing) {
          var d = facts(item);
          show = (!c.s || (c.s === "none" ? d.severities.length === 0 : d.severities.indexOf(c.s) >= 0)) &&
            (!c.r || d.rules.indexOf(c.r) >= 0) &&
            (!c.a || d.agencies.indexOf(c.a) >= 0) &&
            (!c.q || d.text.indexOf(c.q) >= 0);
        }
        if (item.hidden === show) {
          item.hidden = !show;
        }
        if (show) {
          any = true;
          if (item.tagName === "ARTICLE") {
            shown.figures++;
          }
        }
      }
      var pageShown = fileOk && (any || !c.narrowing);
      if (page.hidden === pageShown) {
        page.hidden = !pageShown;
      }
      if (pageShown) {
        shown.pages++;
      }
    }

    function plural(n, word) {
      return n + " " + word + (n === 1 ? "" : "s");
    }

    function report(c) {
      status.textContent = ((c.narrowing || c.f)
        ? "Showing " + shown.pages + " of " + plural(pages.length, "page") + " and " + shown.figures + " of " +
          plural(figures, "picture") + "."
        : "Showing all " + plural(pages.length, "page") + " and " + plural(figures, "picture") + ".") + note;
    }

    function apply() {
      var c = current();
      shown = {pages: 0, figures: 0};
      for (var i = 0; i < pages.length; i++) {
        filterPage(pages[i], c);
      }
      report(c);
    }

    // New pages (all of them at once, or a packed report's parts as they are unpacked): filtered as
    // they arrive, by the filters as they are set.
    function add(list, progress) {
      var c = current();
      for (var i = 0; i < list.length; i++) {
        var page = list[i];
        page.auditorParts = Array.prototype.slice.call(page.querySelectorAll("article, div.txt"));
        page.auditorPath = page.querySelector("h2").textContent.toLowerCase();
        figures += page.querySelectorAll("article").length;
        pages.push(page);
        filterPage(page, c);
      }
      note = progress || "";
      report(c);
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
    return {add: add};
  })();

  function done() {
    doc.documentElement.setAttribute("data-ready", "");
    mark("auditor-ready");
  }

  // A large report packs its pages (gzip, base64, in inert <template class="pack">s): unpack them in
  // order, parse each part in an inert template, add its pages after the last and filter them,
  // letting the browser paint in between. The filters work from the first part on.
  function unpack(packs) {
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
        var part = doc.createElement("template");
        part.innerHTML = html;  // the writer's own escaped HTML, inert until it is added
        var sections = Array.prototype.slice.call(part.content.querySelectorAll("section.page"));
        pack.remove();
        main.appendChild(part.content);
        filters.add(sections, index < packs.length
          ? " Unpacking the pages: part " + index + " of " + packs.length + "…" : "");
        if (index === 1) {
          mark("auditor-interactive");
        }
        setTimeout(next, 0);
      }, function () {
        status.textContent = "This browser could not unpack the report's pages; open it in a current browser.";
      });
    }
    next();
  }

  form.hidden = false;
  var packs = Array.prototype.slice.call(doc.querySelectorAll("template.pack"));
  if (!packs.length) {
    filters.add(Array.prototype.slice.call(doc.querySelectorAll("section.page")));
    mark("auditor-interactive");
    done();
  } else if (typeof DecompressionStream === "undefined") {
    status.textContent = "This browser cannot unpack the report's pages (it lacks DecompressionStream); " +
      "open the report in a current browser.";
  } else {
    unpack(packs);
  }
})();
