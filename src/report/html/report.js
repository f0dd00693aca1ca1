// Verdict filter: one checkbox per verdict; a step is shown when its verdict is checked.
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter')] = b.checked; });
    Array.prototype.forEach.call(document.querySelectorAll('article.step'), function (a) {
      a.hidden = !on[a.getAttribute('data-verdict')];
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.tutorial'), function (s) {
      var visible = s.querySelectorAll('article.step:not([hidden])').length;
      var note = s.querySelector('.filtered-note');
      if (note) note.hidden = visible !== 0;
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  var only = document.querySelectorAll('button[data-only]');
  Array.prototype.forEach.call(only, function (btn) {
    btn.addEventListener('click', function () {
      var want = btn.getAttribute('data-only');
      boxes.forEach(function (b) { b.checked = want === 'all' || b.getAttribute('data-filter') === want; });
      apply();
    });
  });
  apply();
})();
