// firstwire web app: click (or Enter on) a timeline marker to show its sentence.
// Text is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var info = document.getElementById("tl-info");
  if (!info) {
    return;
  }
  function para(cls, text) {
    var p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    return p;
  }
  function show(marker) {
    var d = marker.dataset;
    var head = document.createElement("p");
    var who = document.createElement("strong");
    who.textContent = d.outlet || "";
    head.appendChild(who);
    head.appendChild(document.createTextNode(" · " + (d.when || "") + (d.note ? " · " + d.note : "")));
    var parts = [head];
    if (d.title) {
      parts.push(para("info-title", d.title));
    }
    var sentences = (d.sentences || "").split("\n").filter(function (s) { return s.trim(); });
    sentences.forEach(function (s) {
      var q = document.createElement("blockquote");
      q.textContent = "\u201c" + s + "\u201d";
      parts.push(q);
    });
    if (!sentences.length) {
      parts.push(para("meta", "No detail sentence recorded for this article."));
    }
    if (d.url && /^https?:\/\//i.test(d.url)) {
      var a = document.createElement("a");
      a.href = d.url;
      a.rel = "noopener noreferrer";
      a.textContent = d.note === "cited origin" ? "open the citing article" : "open the article";
      var p = document.createElement("p");
      p.appendChild(a);
      parts.push(p);
    }
    info.replaceChildren.apply(info, parts);
    info.hidden = false;
    document.querySelectorAll(".mk.sel").forEach(function (m) { m.classList.remove("sel"); });
    marker.classList.add("sel");
  }
  document.querySelectorAll(".mk").forEach(function (marker) {
    marker.addEventListener("click", function () { show(marker); });
    marker.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        show(marker);
      }
    });
  });
})();
