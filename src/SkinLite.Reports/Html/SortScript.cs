namespace SkinLite.Reports.Html;

/// <summary>
/// The batch index's one script, allowed by its hash: each column header's button sorts the table by that column,
/// ascending then descending, numerically for numeric columns (a cell's <c>data-sort</c>), and sets
/// <c>aria-sort</c> for screen readers. Rows without a value sort last either way. No inline handler (the policy would
/// block it): listeners are attached here. Without script the table is still complete, only unsortable.
/// </summary>
internal static class SortScript
{
    public const string Js = """
(function () {
  "use strict";
  var table = document.getElementById("results");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell ? cell.getAttribute("data-sort") : null;
    if (value === null || value === "") { return null; }
    if (!numeric) { return value; }
    var number = parseFloat(value);
    return isNaN(number) ? null : number;
  }
  function sortBy(column, numeric, head) {
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
      var order = numeric ? x - y : x.localeCompare(y);
      return ascending ? order : -order;
    });
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].hasAttribute("aria-sort")) { heads[i].setAttribute("aria-sort", "none"); }
    }
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
  }
  Array.prototype.forEach.call(heads, function (head, column) {
    var button = head.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      sortBy(column, button.getAttribute("data-type") === "number", head);
    });
  });
})();
""";
}
