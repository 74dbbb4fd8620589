// Draws the dashboard's pass-rate chart from /dashboard/pass-rate.json. Chart.js comes as a classic script (its ES
// build imports a bare module name a browser cannot resolve without an inline import map, which the CSP forbids).
const canvas = document.getElementById('pass-rate-chart');

async function draw() {
  const response = await fetch(canvas.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`pass-rate request failed: ${response.status}`);
  }
  const days = await response.json();
  new window.Chart(canvas, {
    data: {
      labels: days.map((d) => d.day),
      datasets: [
        {
          type: 'line',
          label: canvas.dataset.labelRate,
          data: days.map((d) => (d.decided === 0 ? null : Math.round(d.rate * 1000) / 10)),
          yAxisID: 'rate',
          spanGaps: true,
          borderColor: '#198754',
          backgroundColor: '#198754',
        },
        {
          type: 'bar',
          label: canvas.dataset.labelDecided,
          data: days.map((d) => d.decided),
          yAxisID: 'count',
          backgroundColor: 'rgba(13, 110, 253, 0.25)',
        },
      ],
    },
    options: {
      animation: false,
      scales: {
        rate: { type: 'linear', position: 'left', min: 0, max: 100, ticks: { callback: (v) => `${v} %` } },
        count: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
          ticks: { precision: 0 } },
      },
    },
  });
  // A hook for tests and screen-reader tooling: the chart is on the page (or it failed, below).
  canvas.dataset.state = 'drawn';
}

if (canvas && window.Chart) {
  draw().catch(() => {
    canvas.dataset.state = 'failed';
    document.getElementById('pass-rate-error').classList.remove('d-none');
  });
}
