// The report's behaviour: the verdict filter (kept in the URL as ?show=fail,drift so a link or a
// reload opens the same view), each tutorial's steps inflated from its compressed block when it comes
// near the screen, in-page links that reach steps not yet inflated, copy buttons, and the sticky
// bar's height for anchor offsets.
(function () {
  'use strict';
  var VERDICTS = ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped'];
  var body = document.body;
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));

  // --- the table of tutorials and their sections, drawn from the index (html/page.ts IndexEntry) ---
  // Text goes in as text (textContent), never as markup; the same DOM the stylesheet was written for.
  var indexEl = document.getElementById('tc-index');
  var index = indexEl ? JSON.parse(indexEl.textContent) : [];
  var toc = document.querySelector('.toc');
  var main = document.querySelector('main');
  var rows = [];
  var sections = [];
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(href, text, cls) {
    var a = el('a', cls, text);
    a.setAttribute('href', href);
    return a;
  }
  var rowsFragment = document.createDocumentFragment();
  var sectionsFragment = document.createDocumentFragment();
  index.forEach(function (entry, ti) {
    // html/page.ts IndexEntry, by position.
    var t = { title: entry[0], file: entry[1], problems: entry[2], counts: entry[3], findings: entry[4], block: entry[5], steps: entry[6] };
    var row = el('div', 'row');
    var name = el('span');
    name.appendChild(link('#t' + ti, t.title));
    if (t.problems > 0) {
      var warn = el('span', 'warn', '\u26a0 ' + t.problems);
      warn.title = t.problems + (t.problems === 1 ? ' problem' : ' problems') + ' kept part of this page from running';
      name.appendChild(document.createTextNode(' '));
      name.appendChild(warn);
    }
    name.appendChild(el('br'));
    name.appendChild(el('span', 'file', t.file));
    row.appendChild(name);
    var shown = [];
    t.counts.forEach(function (c, vi) {
      var cell = el('span');
      if (c) {
        cell.appendChild(link('#t' + ti + '-' + c[1], String(c[0])));
        shown.push(VERDICTS[vi]);
      }
      row.appendChild(cell);
    });
    row.appendChild(el('span', '', t.findings ? String(t.findings) : ''));
    rows.push(row);
    rowsFragment.appendChild(row);
    var section = el('section', 'tutorial');
    section.id = 't' + ti;
    section.setAttribute('data-p', String(t.block));
    section.setAttribute('data-v', shown.join(' '));
    section.style.setProperty('--n', String(t.steps));
    sections.push(section);
    sectionsFragment.appendChild(section);
  });
  if (toc) toc.appendChild(rowsFragment);
  if (main) main.appendChild(sectionsFragment);

  function checked() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter')] = b.checked; });
    return on;
  }

  function anyShown(list, on) {
    if (list === '') return true;
    return list.split(' ').some(function (v) { return on[v]; });
  }

  function apply() {
    var on = checked();
    VERDICTS.forEach(function (v) { body.classList.toggle('hide-' + v, !on[v]); });
    sections.forEach(function (s) { s.classList.toggle('all-hidden', !anyShown(s.getAttribute('data-v'), on)); });
    // Row i of the table of tutorials is section i.
    rows.forEach(function (r, i) { if (sections[i]) r.classList.toggle('all-hidden', !anyShown(sections[i].getAttribute('data-v'), on)); });
    var all = VERDICTS.every(function (v) { return on[v]; });
    var query = all ? '' : '?show=' + VERDICTS.filter(function (v) { return on[v]; }).join(',');
    if (location.search !== query) {
      try { history.replaceState(null, '', location.pathname + query + location.hash); } catch (e) { /* some viewers forbid it */ }
    }
  }

  function fromUrl() {
    var show = new URLSearchParams(location.search).get('show');
    if (show === null) return;
    var want = show.split(',');
    boxes.forEach(function (b) { b.checked = want.indexOf(b.getAttribute('data-filter')) >= 0; });
  }

  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  Array.prototype.forEach.call(document.querySelectorAll('button[data-only]'), function (btn) {
    btn.addEventListener('click', function () {
      var want = btn.getAttribute('data-only');
      boxes.forEach(function (b) { b.checked = want === 'all' || b.getAttribute('data-filter') === want; });
      apply();
    });
  });

  // --- packs: the steps of neighbouring tutorials, raw DEFLATE in base 85 (html/pack.ts) ---------
  var ALPHABET = '__PACK_ALPHABET__'; // html.ts puts html/pack.ts's ALPHABET here
  var DIGIT = new Int16Array(128).fill(-1);
  for (var d = 0; d < ALPHABET.length; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;
  function decode85(text) {
    var out = new Uint8Array(Math.floor(text.length * 4 / 5));
    var o = 0;
    for (var i = 0; i < text.length; i += 5) {
      var k = Math.min(5, text.length - i);
      var n = 0;
      for (var j = 0; j < 5; j++) n = n * 85 + (j < k ? DIGIT[text.charCodeAt(i + j)] : 84);
      for (var b = 3; b >= 0; b--) {
        if (b < k - 1) out[o + b] = n % 256;
        n = Math.floor(n / 256);
      }
      o += k - 1;
    }
    return out.subarray(0, o);
  }

  var blocks = {};
  function block(pi) {
    if (!blocks[pi]) {
      var el = document.getElementById('p' + pi);
      var bytes = decode85(el ? el.textContent.trim() : '');
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      blocks[pi] = new Response(stream).text().then(decode);
    }
    return blocks[pi];
  }

  // "<tutorial index>:<length>:<html>" repeated (html/pack.ts).
  function decode(text) {
    var out = {};
    var at = 0;
    while (at < text.length) {
      var c1 = text.indexOf(':', at);
      var c2 = text.indexOf(':', c1 + 1);
      if (c1 < 0 || c2 < 0) break;
      var n = Number(text.slice(c1 + 1, c2));
      out[text.slice(at, c1)] = text.slice(c2 + 1, c2 + 1 + n);
      at = c2 + 1 + n;
    }
    return out;
  }

  var rendering = {};
  function render(section) {
    var ti = section.id.slice(1);
    if (!rendering[ti]) {
      rendering[ti] = block(section.getAttribute('data-p')).then(function (b) {
        section.innerHTML = b[ti] || '';
        section.setAttribute('data-ready', '');
      });
    }
    return rendering[ti];
  }

  // Small reports are rendered whole at once (find in page sees everything); large ones as the
  // reader scrolls, a screen ahead. Printing renders everything first.
  var EAGER = 40;
  var observer = sections.length > EAGER && 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { observer.unobserve(e.target); render(e.target); }
      });
    }, { rootMargin: '1500px 0px' })
    : null;
  sections.forEach(function (s) { if (observer) observer.observe(s); else render(s); });
  window.addEventListener('beforeprint', function () { sections.forEach(render); });

  /** The section an anchor id lives in: "t12" or "t12-s3" is in section t12. */
  function sectionOf(id) {
    var m = /^(t\d+)(?:-|$)/.exec(id);
    return m ? document.getElementById(m[1]) : null;
  }

  // Go to an anchor whose step may not be rendered yet, and show its verdict if the filter hides it.
  function go(id, smooth) {
    var section = sectionOf(id);
    var done = function () {
      var target = document.getElementById(id);
      if (!target) return;
      var v = target.getAttribute('data-verdict');
      if (v && target.matches('article.step')) {
        var box = document.querySelector('input[data-filter="' + v + '"]');
        if (box && !box.checked) { box.checked = true; apply(); }
      }
      var previous = document.querySelector('.hit');
      if (previous) previous.classList.remove('hit');
      target.classList.add('hit');
      target.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    };
    if (section) render(section).then(done); else done();
  }

  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href^="#"]');
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (!sectionOf(id)) return;
    ev.preventDefault();
    try { history.pushState(null, '', '#' + id); } catch (e) { location.hash = id; return; }
    go(id, false);
  });
  window.addEventListener('popstate', function () { if (location.hash) go(decodeURIComponent(location.hash.slice(1)), false); });

  // --- copy buttons ----------------------------------------------------------------------------
  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest && ev.target.closest('button.copy');
    if (!btn) return;
    var code = btn.parentNode.querySelector('code');
    var text = code ? code.textContent : '';
    var done = function () { btn.textContent = 'Copied'; setTimeout(function () { btn.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    else { fallback(text); done(); }
  });
  function fallback(text) {
    var ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    ta.remove();
  }

  // --- the sticky bar's height, for scroll-margin-top ------------------------------------------
  // Never read during parsing: a forced layout of a 1,000-tutorial page costs a second. The observer
  // reports the size after the first layout, and on every change (wrapping, zoom).
  var bar = document.querySelector('nav.bar');
  if (bar && 'ResizeObserver' in window) {
    new ResizeObserver(function (entries) {
      var h = entries[0].borderBoxSize && entries[0].borderBoxSize[0] ? entries[0].borderBoxSize[0].blockSize : bar.offsetHeight;
      document.documentElement.style.setProperty('--bar-h', Math.ceil(h) + 'px');
    }).observe(bar);
  }

  fromUrl();
  apply();
  if (location.hash) go(decodeURIComponent(location.hash.slice(1)), false);
})();
