// Draws each chart from the JSON beside it once plotly.js has loaded. Without
// JavaScript the page still reads in full: every number is in the table below.
document.querySelectorAll("script.figure").forEach(function (node) {
  var figure = JSON.parse(node.textContent);
  var target = node.previousElementSibling;
  var config = { displayModeBar: false, responsive: true };
  Plotly.newPlot(target, figure.data, figure.layout, config);
});
