// The member map, enhanced: zoom buttons, drag to pan, and a tooltip on hover and focus.
// Without this script the map is complete; it only adds ways to look closer.
(function () {
  "use strict";

  var MARKER_SCALE = 1 / 150; // as members.map.MARKER_SCALE
  var MAX_ZOOM = 12;

  function parseBox(text) {
    var n = text.split(/[\s,]+/).map(Number);
    return { x: n[0], y: n[1], width: n[2], height: n[3] };
  }

  function enhance(figure) {
    var svg = figure.querySelector("svg");
    var canvas = figure.querySelector(".member-map__canvas");
    if (!svg || !canvas || !svg.viewBox) return;
    var frame = parseBox(svg.getAttribute("data-frame"));
    var initial = parseBox(svg.getAttribute("viewBox"));
    var view = Object.assign({}, initial);
    var circles = svg.querySelectorAll(".map-marker circle");
    // Other layers' marks (upcoming events): unit shapes scaled to a marker's radius.
    var places = svg.querySelectorAll(".map-place path");
    // A summary map's dots: one path whose stroke width is a dot's diameter.
    var dots = svg.querySelectorAll(".map-dots");
    var DOT_SCALE = 0.5; // as members.map.DOT_SCALE

    function apply() {
      var minWidth = frame.width / MAX_ZOOM;
      view.width = Math.min(Math.max(view.width, minWidth), frame.width);
      view.height = view.width * (initial.height / initial.width);
      view.x = Math.min(Math.max(view.x, frame.x), frame.x + frame.width - view.width);
      view.y = Math.min(Math.max(view.y, frame.y), frame.y + frame.height - view.height);
      svg.setAttribute("viewBox", [view.x, view.y, view.width, view.height].join(" "));
      svg.classList.toggle("is-zoomed", view.width < frame.width);
      var radius = (view.width * MARKER_SCALE).toFixed(2);
      circles.forEach(function (circle) { circle.setAttribute("r", radius); });
      places.forEach(function (path) {
        path.setAttribute("transform", "translate(" + path.dataset.x + " " + path.dataset.y + ") scale(" + radius + ")");
      });
      var width = (2 * view.width * MARKER_SCALE * DOT_SCALE).toFixed(2);
      dots.forEach(function (path) { path.setAttribute("stroke-width", width); });
    }

    function zoom(factor, cx, cy) {
      if (cx === undefined) {
        cx = view.x + view.width / 2;
        cy = view.y + view.height / 2;
      }
      view.x = cx - (cx - view.x) / factor;
      view.y = cy - (cy - view.y) / factor;
      view.width /= factor;
      apply();
    }

    // Buttons, labelled in the page's language from the figure's data attributes.
    var controls = document.createElement("div");
    controls.className = "map-controls";
    [
      ["+", "zoomIn", function () { zoom(1.6); }],
      ["\u2212", "zoomOut", function () { zoom(1 / 1.6); }],
      ["\u21BA", "reset", function () { view = Object.assign({}, initial); apply(); }]
    ].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      var label = figure.dataset[spec[1] + "Label"];
      button.setAttribute("aria-label", label);
      button.title = label;
      button.addEventListener("click", spec[2]);
      controls.appendChild(button);
    });
    canvas.appendChild(controls);
    apply();

    // Drag to pan (mouse, pen or one finger).
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || event.target.closest(".map-marker, .map-place")) return;
      if (!svg.classList.contains("is-zoomed")) return;
      drag = { x: event.clientX, y: event.clientY, view: Object.assign({}, view) };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("is-grabbing");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var scale = view.width / svg.getBoundingClientRect().width;
      view.x = drag.view.x - (event.clientX - drag.x) * scale;
      view.y = drag.view.y - (event.clientY - drag.y) * scale;
      apply();
    });
    ["pointerup", "pointercancel"].forEach(function (type) {
      svg.addEventListener(type, function () {
        drag = null;
        svg.classList.remove("is-grabbing");
      });
    });

    // A tooltip instead of the slow native one; the markers keep their aria-label.
    var tooltip = document.createElement("div");
    tooltip.className = "map-tooltip";
    tooltip.hidden = true;
    tooltip.setAttribute("aria-hidden", "true");
    canvas.appendChild(tooltip);
    svg.querySelectorAll(".map-marker title, .map-place title").forEach(function (title) { title.remove(); });

    function show(event) {
      var marker = event.target.closest(".map-marker, .map-place");
      if (!marker) return;
      var box = marker.getBoundingClientRect();
      var origin = canvas.getBoundingClientRect();
      tooltip.textContent = marker.getAttribute("aria-label");
      tooltip.style.left = box.left + box.width / 2 - origin.left + "px";
      tooltip.style.top = box.top - origin.top + "px";
      tooltip.hidden = false;
    }
    function hide() { tooltip.hidden = true; }
    svg.addEventListener("pointerover", show);
    svg.addEventListener("focusin", show);
    svg.addEventListener("pointerout", hide);
    svg.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }

  document.querySelectorAll("[data-member-map]").forEach(function (figure) {
    enhance(figure);
  });
})();
