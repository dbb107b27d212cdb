// The signal intake form (/signalen/nieuw): adds and removes rows of mentioned entities and relations, keeps the
// row numbers of the form fields consecutive (Mentions[0..n], Relations[0..n]) and keeps the lists of the relation
// rows in step with the entities typed so far. Without JavaScript the form still works for what is already on it.
(function () {
  'use strict';
  var form = document.querySelector('form.signal-form');
  if (!form) return;

  var counter = Date.now() % 100000;

  function renumber(selector, list) {
    form.querySelectorAll(selector).forEach(function (row, i) {
      row.querySelectorAll('[name]').forEach(function (el) {
        el.name = el.name.replace(new RegExp('^' + list + '\\[(\\d+|__i__)\\]'), list + '[' + i + ']');
      });
    });
  }

  function mentionLabel(row, number) {
    var text = '';
    row.querySelectorAll('input[data-field], select[data-field]').forEach(function (el) {
      if (!text && el.tagName === 'INPUT' && el.value.trim()) text = el.value.trim();
    });
    return row.dataset.singular + ' ' + number + (text ? ': ' + text : '');
  }

  function refreshRelationOptions() {
    var perKind = {};
    var options = [];
    form.querySelectorAll('.mention-row').forEach(function (row) {
      var kind = row.dataset.kind;
      perKind[kind] = (perKind[kind] || 0) + 1;
      var ref = row.querySelector('.mention-ref').value;
      options.push({ value: ref, text: mentionLabel(row, perKind[kind]) });
    });
    form.querySelectorAll('#rijen-relaties select.relation-end').forEach(function (select) {
      var current = select.value || select.dataset.selected || '';
      while (select.options.length > 0) select.remove(0);
      select.add(new Option('— kies —', ''));
      select.add(new Option('Plaats van waarneming', 'plaats'));
      options.forEach(function (o) { select.add(new Option(o.text, o.value)); });
      select.value = current;
      if (select.value !== current) select.value = '';
    });
  }

  function addFromTemplate(templateId, container) {
    var template = document.getElementById(templateId);
    var fragment = template.content.cloneNode(true);
    var row = fragment.firstElementChild;
    container.appendChild(fragment);
    return container.lastElementChild || row;
  }

  form.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.matches('.add-row')) {
      var kind = target.dataset.kind;
      var row = addFromTemplate('sjabloon-' + kind, document.getElementById('rijen-' + kind));
      counter += 1;
      row.querySelector('.mention-ref').value = kind.toLowerCase() + '-' + counter;
      renumber('.mention-row', 'Mentions');
      refreshRelationOptions();
      var first = row.querySelector('input[type=text], select');
      if (first) first.focus();
    } else if (target.matches('.add-relation')) {
      var relation = addFromTemplate('sjabloon-relatie', document.getElementById('rijen-relaties'));
      renumber('.relation-row', 'Relations');
      refreshRelationOptions();
      var select = relation.querySelector('select');
      if (select) select.focus();
    } else if (target.matches('.remove-row')) {
      var remove = target.closest('.mention-row, .relation-row');
      if (!remove) return;
      remove.remove();
      renumber('.mention-row', 'Mentions');
      renumber('.relation-row', 'Relations');
      refreshRelationOptions();
    }
  });

  function onMentionEdit(event) {
    if (event.target instanceof HTMLElement && event.target.closest('.mention-row')) refreshRelationOptions();
  }
  form.addEventListener('change', onMentionEdit);
  form.addEventListener('input', onMentionEdit);

  // Rows already on the page (a redisplayed form) without a ref get one, so relations can point at them.
  form.querySelectorAll('.mention-row .mention-ref').forEach(function (input) {
    if (!input.value) { counter += 1; input.value = input.closest('.mention-row').dataset.kind.toLowerCase() + '-' + counter; }
  });
  // Template rows are inert; make sure the visible rows are numbered as the server expects.
  renumber('.mention-row', 'Mentions');
  renumber('.relation-row', 'Relations');
  refreshRelationOptions();

  var summary = document.getElementById('fouten');
  if (summary) summary.focus();
})();
