// Draws the dashboard's "why people fail" charts from /dashboard/insights.json (the page's filters are in each
// canvas's data-url). The same numbers are on the page as tables (the charts' table views), so a failed request or a
// screen reader loses nothing. Chart.js comes as a classic script, see pass-rate-chart.js.
const canvases = [...document.querySelectorAll('canvas.insight-chart')];

const COLOURS = { bar: 'rgba(13, 110, 253, 0.6)', rate: 'rgba(25, 135, 84, 0.7)', reason: 'rgba(220, 53, 69, 0.6)' };

// Chart.js draws an array label as lines: long reasons are wrapped at word boundaries instead of cut off.
function wrap(text, width = 28) {
  const lines = [];
  let line = '';
  text.split(' ').forEach((word) => {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  });
  if (line) {
    lines.push(line);
  }
  return lines;
}

// Each chart's labels and values from the insights JSON.
const SHAPES = {
  reasons: (data) => ({
    labels: data.reasons.map((r) => wrap(r.label)),
    values: data.reasons.map((r) => r.count),
    colour: COLOURS.reason,
    horizontal: true,
    integer: true,
  }),
  profiles: (data) => ({
    labels: data.passRateByProfile.map((p) => p.name),
    values: data.passRateByProfile.map((p) => (p.decided === 0 ? null : Math.round(p.rate * 1000) / 10)),
    colour: COLOURS.rate,
    percent: true,
  }),
  times: (data, canvas) => ({
    labels: data.attemptTimes.map((t) => `${canvas.dataset.category} ${t.attempt}`),
    values: data.attemptTimes.map((t) => Math.round(t.medianMs / 100) / 10),
    colour: COLOURS.bar,
  }),
  used: (data, canvas) => ({
    labels: data.attemptsUsed.map((u) => `${canvas.dataset.category}: ${u.attempts}`),
    values: data.attemptsUsed.map((u) => u.sessions),
    colour: COLOURS.bar,
    integer: true,
  }),
};

function draw(canvas, data) {
  const shape = SHAPES[canvas.dataset.chart](data, canvas);
  const valueAxis = {
    beginAtZero: true,
    ...(shape.percent ? { max: 100, ticks: { callback: (v) => `${v} %` } } : {}),
    ...(shape.integer ? { ticks: { precision: 0 } } : {}),
  };
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: shape.labels,
      datasets: [{ label: canvas.dataset.label, data: shape.values, backgroundColor: shape.colour }],
    },
    options: {
      animation: false,
      indexAxis: shape.horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: shape.horizontal ? { x: valueAxis } : { y: valueAxis },
    },
  });
  // A hook for tests and tooling: the chart is on the page (or it failed, below).
  canvas.dataset.state = 'drawn';
}

async function drawAll() {
  // Every canvas carries the same filters, so one request serves them all.
  const response = await fetch(canvases[0].dataset.url, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new Error(`insights request failed: ${response.status}`);
  }
  const data = await response.json();
  canvases.forEach((canvas) => draw(canvas, data));
}

if (canvases.length > 0 && window.Chart) {
  drawAll().catch(() => {
    canvases.forEach((canvas) => { canvas.dataset.state = 'failed'; });
    document.getElementById('insights-error').classList.remove('d-none');
  });
}
