// Keyboard decisions on the review page. Queue: j/k select a row, Enter opens it, space ticks it for a bulk decision.
// Item: each decision button carries its key (data-key); pressing it submits that decision; "a" goes to the reason; GANTI (g) takes the NIK typed in its field.
(function () {
  function typing(e) { var t = e.target.tagName; return t === 'INPUT' || t === 'TEXTAREA' || t === 'SELECT'; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
  var at = -1;
  function select(i) {
    if (!rows.length) return;
    if (at >= 0) rows[at].classList.remove('selected');
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows[at].classList.add('selected');
    rows[at].scrollIntoView({block: 'nearest'});
  }
  if (rows.length) select(0);
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (typing(e)) {
      if (e.key === 'Escape') e.target.blur();
      return;
    }
    if (rows.length) {
      if (e.key === 'j') { select(at + 1); e.preventDefault(); return; }
      if (e.key === 'k') { select(at - 1); e.preventDefault(); return; }
      if (e.key === ' ' && at >= 0) {
        var box = rows[at].querySelector('input[type=checkbox]');
        if (box) { box.checked = !box.checked; e.preventDefault(); return; }
      }
      if (e.key === 'Enter' && at >= 0) { rows[at].querySelector('a.item').click(); e.preventDefault(); return; }
    }
    if (e.key === 'a') { var a = document.getElementById('alasan'); if (a) { a.focus(); e.preventDefault(); } return; }
    var b = document.querySelector('button[data-key="' + e.key + '"]');
    if (b) { e.preventDefault(); b.click(); }
  });
})();
