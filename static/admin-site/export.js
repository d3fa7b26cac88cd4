// The export page's "Select all" box, wired here rather than by an onchange attribute, which
// the site's Content-Security-Policy blocks. onSelectToggleChange comes from django-import-export.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".select-toggle").forEach(function (box) {
    box.addEventListener("change", function (event) {
      if (typeof onSelectToggleChange === "function") onSelectToggleChange(event);
    });
  });
});
