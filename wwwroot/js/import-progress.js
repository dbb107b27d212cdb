// Progress of an import job (/importeren/{id}): polls the small status endpoint every second until the job is done,
// then reloads once so the page shows the report of rejected rows. No inline script (strict CSP).
(function () {
  'use strict';
  var box = document.getElementById('import-progress');
  if (!box || box.dataset.done === 'true') return;
  var bar = document.getElementById('import-bar');
  var status = document.getElementById('import-status');
  var counts = document.getElementById('import-counts');
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (s) {
        bar.value = s.percent;
        bar.textContent = s.percent + '%';
        status.textContent = s.statusText;
        counts.textContent = s.done
          ? s.nodesInserted + ' knopen en ' + s.relationsInserted + ' relaties opgeslagen, ' + s.rejected + ' regels geweigerd.'
          : s.rowsRead + ' regels gelezen, ' + s.rejected + ' geweigerd.';
        if (s.done) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
