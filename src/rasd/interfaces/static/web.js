/* rasd web app: the little that needs a script. Pages work without it (forms submit). */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Document page: switch annotation layers on and off, and keep the choice in the address.
  var layers = document.getElementById("layers");
  var text = document.getElementById("doc-text");
  if (layers && text) {
    layers.addEventListener("change", function (e) {
      var box = e.target;
      if (!box || box.name !== "layers") { return; }
      text.classList.toggle("show-" + box.getAttribute("data-cls"), box.checked);
      var on = [];
      var boxes = layers.querySelectorAll("input[name=layers]");
      for (var i = 0; i < boxes.length; i++) { if (boxes[i].checked) { on.push(boxes[i].value); } }
      var params = new URLSearchParams(location.search);
      params.set("layers", on.join(","));
      history.replaceState(null, "", location.pathname + "?" + params.toString() + location.hash);
    });
  }

  // Thread page: a new as-of date shows the status at once.
  var asOf = document.getElementById("as-of");
  if (asOf && asOf.form) {
    asOf.addEventListener("change", function () { if (asOf.value) { asOf.form.submit(); } });
  }

  // Map: zoom with the wheel or the buttons, pan by dragging; the view box is the state.
  var map = document.getElementById("map");
  if (map) {
    var full = map.getAttribute("data-full").split(" ").map(Number);
    var first = map.getAttribute("data-first");
    var vb = function () { return map.getAttribute("viewBox").split(" ").map(Number); };
    var set = function (v) {
      var w = Math.min(Math.max(v[2], full[2] / 40), full[2]);
      var h = w * v[3] / v[2];
      var x = Math.min(Math.max(v[0], full[0]), full[0] + full[2] - w);
      var y = Math.min(Math.max(v[1], full[1]), full[1] + full[3] - h);
      map.setAttribute("viewBox", [x, y, w, h].map(function (n) { return n.toFixed(1); }).join(" "));
      rescale(w / full[2]);
    };
    // dots and labels keep their size on screen: their sizes are given for the whole map
    var rescale = function (k) {
      var items = map.querySelectorAll("[data-r], [data-fs]");
      for (var i = 0; i < items.length; i++) {
        var el = items[i];
        var r = Number(el.getAttribute("data-r"));
        if (el.hasAttribute("data-fs")) {
          el.setAttribute("font-size", (Number(el.getAttribute("data-fs")) * k).toFixed(3));
          if (el.hasAttribute("data-cy")) { el.setAttribute("y", (Number(el.getAttribute("data-cy")) - r * k).toFixed(2)); }
        } else {
          el.setAttribute("r", (r * k).toFixed(3));
        }
      }
    };
    var zoom = function (k, cx, cy) {
      var v = vb();
      cx = cx === undefined ? v[0] + v[2] / 2 : cx;
      cy = cy === undefined ? v[1] + v[3] / 2 : cy;
      set([cx - (cx - v[0]) * k, cy - (cy - v[1]) * k, v[2] * k, v[3] * k]);
    };
    var toMap = function (e) {
      var r = map.getBoundingClientRect();
      var v = vb();
      return [v[0] + (e.clientX - r.left) / r.width * v[2], v[1] + (e.clientY - r.top) / r.height * v[3]];
    };
    map.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toMap(e);
      zoom(e.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    var drag = null;
    map.addEventListener("pointerdown", function (e) {
      if (e.target.closest && e.target.closest("a")) { return; }
      drag = { x: e.clientX, y: e.clientY, v: vb() };
      map.setPointerCapture(e.pointerId);
    });
    map.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      var r = map.getBoundingClientRect();
      var dx = (e.clientX - drag.x) / r.width * drag.v[2];
      var dy = (e.clientY - drag.y) / r.height * drag.v[3];
      set([drag.v[0] - dx, drag.v[1] - dy, drag.v[2], drag.v[3]]);
    });
    map.addEventListener("pointerup", function () { drag = null; });
    var button = function (id, fn) { var b = document.getElementById(id); if (b) { b.addEventListener("click", fn); } };
    button("zoom-in", function () { zoom(0.8); });
    button("zoom-out", function () { zoom(1.25); });
    button("zoom-reset", function () { set(first.split(" ").map(Number)); });
  }

  root.setAttribute("data-rasd", "ok");
})();
