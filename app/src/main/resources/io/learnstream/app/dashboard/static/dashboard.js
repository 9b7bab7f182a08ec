// Draws the student page's charts with uPlot from the series the server wrote into data-series: [[x seconds...], [y...]].
document.querySelectorAll(".chart[data-series]").forEach(function (el) {
  var data = JSON.parse(el.dataset.series);
  if (!data[0].length) { el.textContent = "No data yet."; return; }
  new uPlot({
    width: Math.max(320, el.clientWidth || 560), height: 220,
    series: [{}, { label: el.dataset.label, stroke: "#2563eb", width: 2, fill: "rgba(37,99,235,0.12)", points: { show: data[0].length < 40 } }],
    axes: [{}, { size: 50 }],
    scales: el.dataset.range ? { x: { time: true }, y: { range: JSON.parse(el.dataset.range) } } : { x: { time: true } }
  }, data, el);
});

// Whether the page's live updates are connected: shown in the header, and what the browser test waits for.
document.body.addEventListener("htmx:sseOpen", function () { document.body.dataset.live = "open"; });
document.body.addEventListener("htmx:sseError", function () { document.body.dataset.live = "error"; });
