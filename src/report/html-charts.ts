/**
 * Charts of the HTML report: the Chart.js bundle that the page inlines,
 * and the browser script that draws the compliance and response-time
 * charts from the run's embedded JSON record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Escapes JavaScript source for a `<script>` element of a page read offline. */
export function inlineScript(source: string): string {
  // A `</script` would end the element early. `<\/` means the same in
  // every place JavaScript allows `</`: strings, template literals,
  // regular expressions and comments. The source map is not inlined, so
  // the browser should not look for it.
  return source
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
}

/**
 * Reads the installed Chart.js UMD bundle, escaped for a `<script>`
 * element, so that the page draws its charts offline.
 */
export function readChartBundle(): string {
  // chart.js 4.6.1 exports no subpath for its UMD bundle, so the bundle is
  // found beside the package's main entry, dist/chart.cjs.
  const main = createRequire(import.meta.url).resolve('chart.js');
  const path = join(dirname(main), 'chart.umd.min.js');
  try {
    return inlineScript(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read the Chart.js bundle at ${path} (${reason}); run npm install`);
  }
}

/**
 * Browser script that draws both charts. It reads the run from the
 * `sim-result` element and the required percentage from the compliance
 * canvas, and skips the summary line Error Rate, whose requirement is an
 * upper bound on another scale.
 */
export const CHART_SCRIPT = `
(function () {
  var result = JSON.parse(document.getElementById('sim-result').textContent);
  if (result.levels.length === 0) return;
  var complianceCanvas = document.getElementById('compliance-chart');
  var required = Number(complianceCanvas.dataset.requiredPercent);
  var levelLabels = result.levels.map(function (level) { return level.loadPct + '%'; });

  var lines = Object.keys(result.levels[0].summary).filter(function (line) {
    return line !== 'Error Rate';
  });
  var lowest = required;
  var complianceSets = lines.map(function (line) {
    var values = result.levels.map(function (level) { return level.summary[line]; });
    values.forEach(function (value) { if (value !== null && value < lowest) lowest = value; });
    return { label: line, data: values };
  });

  // Draws the requirement across the whole plot area, which a line
  // dataset on a category axis would not reach.
  var requiredLine = {
    id: 'requiredLine',
    afterDatasetsDraw: function (chart) {
      var area = chart.chartArea;
      var y = chart.scales.y.getPixelForValue(required);
      var context = chart.ctx;
      context.save();
      context.strokeStyle = '#b00020';
      context.lineWidth = 2;
      context.setLineDash([6, 4]);
      context.beginPath();
      context.moveTo(area.left, y);
      context.lineTo(area.right, y);
      context.stroke();
      var label = required + '% required';
      context.setLineDash([]);
      context.fillStyle = 'rgba(255, 255, 255, 0.85)';
      context.fillRect(area.left + 2, y - 18, context.measureText(label).width + 8, 14);
      context.fillStyle = '#b00020';
      context.fillText(label, area.left + 6, y - 7);
      context.restore();
    }
  };

  new Chart(complianceCanvas, {
    type: 'bar',
    data: { labels: levelLabels, datasets: complianceSets },
    plugins: [requiredLine],
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'Load level' } },
        y: {
          // Zooms in when every bar is near the top, so that small
          // differences show. A collapse keeps the full axis, so its bars
          // are not drawn shorter than they are.
          min: Math.min(lowest, required) < 80 ? 0 : Math.floor((Math.min(lowest, required) - 1) / 10) * 10,
          max: 100,
          title: { display: true, text: 'Attempts within the limit (%)' }
        }
      }
    }
  });

  var steps = Object.keys(result.levels[0].timesMs);
  var timeSets = result.levels.map(function (level, index) {
    return {
      label: levelLabels[index],
      // A logarithmic axis has no place for 0, the mean of a step without attempts.
      data: steps.map(function (step) {
        var avg = level.timesMs[step].avg;
        return avg > 0 ? avg : null;
      })
    };
  });
  new Chart(document.getElementById('time-chart'), {
    type: 'bar',
    data: { labels: steps, datasets: timeSets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        y: {
          type: 'logarithmic',
          title: { display: true, text: 'Average time (ms, log scale)' },
          // Labels only 1, 2 and 5 times a power of ten, because labels near
          // the top of a decade overlap. The other grid lines stay.
          ticks: {
            callback: function (value) {
              var leading = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
              var round = Math.round(leading);
              var labelled = Math.abs(leading - round) < 1e-6 && (round === 1 || round === 2 || round === 5);
              return labelled ? Number(value).toLocaleString('en-US') : '';
            }
          }
        }
      }
    }
  });
})();
`;
