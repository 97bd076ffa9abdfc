// lathe's HTML reference: navigation tree, search, copy buttons, theme toggle. Spec text reaches the
// page only through textContent and attribute setters, never as HTML.
(function () {
  'use strict';
  var root = document.documentElement.getAttribute('data-root') || '';
  var here = document.documentElement.getAttribute('data-page') || '';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function href(path) {
    return root + path;
  }

  // Theme toggle.
  var toggle = document.getElementById('theme-toggle');
  function currentTheme() {
    var set = document.documentElement.getAttribute('data-theme');
    if (set) return set;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  function showTheme() {
    if (!toggle) return;
    var dark = currentTheme() === 'dark';
    toggle.textContent = dark ? '\u2600' : '\u263E';
    toggle.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
    toggle.setAttribute('aria-pressed', String(dark));
  }
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      try {
        localStorage.setItem('lathe-theme', next);
      } catch (e) {
        /* not kept across pages then */
      }
      showTheme();
    });
    showTheme();
  }

  // Menu on phones.
  var menu = document.getElementById('menu-toggle');
  if (menu)
    menu.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      menu.setAttribute('aria-expanded', String(open));
    });

  // Navigation tree by resource, from nav.js (one file for every page, so a page does not carry it).
  var navRoot = document.getElementById('nav-tree');
  var tree = window.LATHE_NAV;
  if (navRoot && tree) {
    var list = el('ul', {});
    var build = function (resources, parent) {
      resources.forEach(function (r) {
        var li = el('li', {});
        var details = el('details', {});
        var inside = here === r.href || here.indexOf(r.dir + '/') === 0;
        if (inside) details.open = true;
        // A link inside <summary> would be a control inside a control: the overview is the first entry.
        details.appendChild(el('summary', {}, r.name));
        var ul = el('ul', {});
        var overview = el('a', { href: href(r.href), class: 'nav-op' }, 'Overview');
        if (here === r.href) overview.setAttribute('aria-current', 'page');
        var first = el('li', {});
        first.appendChild(overview);
        ul.appendChild(first);
        r.ops.forEach(function (op) {
          var a = el('a', { href: href(op.href), class: 'nav-op' });
          a.appendChild(el('span', {}, op.name));
          if (here === op.href) a.setAttribute('aria-current', 'page');
          var item = el('li', {});
          item.appendChild(a);
          ul.appendChild(item);
        });
        if (r.children && r.children.length) build(r.children, ul);
        details.appendChild(ul);
        li.appendChild(details);
        parent.appendChild(li);
      });
    };
    build(tree, list);
    navRoot.replaceChildren(list);
    var current = navRoot.querySelector('[aria-current="page"]');
    // Scroll the sidebar alone (scrollIntoView would scroll the page too).
    var sidebar = document.getElementById('sidebar');
    if (current && sidebar) sidebar.scrollTop = Math.max(0, current.offsetTop - sidebar.clientHeight / 2);
  }

  // Search over names, paths and descriptions with the index built when the site was generated.
  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  var engine;
  var loading;
  // The index is loaded on first use, with <script src> (fetch() cannot read file://).
  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var s = el('script', { src: href(path) });
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function searchEngine() {
    if (!loading)
      loading = loadScript('_lathe/minisearch.js')
        .then(function () {
          return loadScript('_lathe/search-index.js');
        })
        .then(function () {
          engine = window.MiniSearch.loadJS(window.LATHE_SEARCH.index, window.LATHE_SEARCH.options);
          return engine;
        });
    return loading;
  }
  function showResults(query) {
    searchEngine().then(function (ms) {
      if (input.value === query) render(ms, query);
    });
  }
  function render(ms, query) {
    results.replaceChildren();
    if (!query.trim()) {
      results.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    var hits = ms ? ms.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, accessor: 2 } }).slice(0, 20) : [];
    if (!hits.length) results.appendChild(el('li', { class: 'empty' }, 'No results'));
    hits.forEach(function (hit, i) {
      var li = el('li', { role: 'presentation' });
      var a = el('a', { href: href(hit.href), role: 'option', id: 'search-hit-' + i, 'aria-selected': 'false' });
      a.appendChild(el('span', { class: 'hit-title' }, hit.title));
      a.appendChild(el('span', { class: 'hit-path mono' }, hit.method + ' ' + hit.path));
      li.appendChild(a);
      results.appendChild(li);
    });
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  if (input && results) {
    input.addEventListener('focus', function () {
      searchEngine();
    });
    input.addEventListener('input', function () {
      showResults(input.value);
    });
    input.addEventListener('keydown', function (e) {
      var options = Array.prototype.slice.call(results.querySelectorAll('a'));
      if (!options.length) return;
      var at = options.findIndex(function (o) {
        return o.getAttribute('aria-selected') === 'true';
      });
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (at >= 0) options[at].setAttribute('aria-selected', 'false');
        at = e.key === 'ArrowDown' ? Math.min(at + 1, options.length - 1) : Math.max(at - 1, 0);
        options[at].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[at].id);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        (options[at >= 0 ? at : 0]).click();
      } else if (e.key === 'Escape') {
        results.hidden = true;
      }
    });
    document.addEventListener('click', function (e) {
      if (!results.contains(e.target) && e.target !== input) results.hidden = true;
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === '/' && document.activeElement !== input) {
        e.preventDefault();
        input.focus();
      }
    });
  }

  // Copy buttons.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = el('textarea', { 'aria-hidden': 'true' });
      area.value = text;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      area.remove();
      if (ok) resolve();
      else reject(new Error('copy refused'));
    });
  }
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var code = document.getElementById(button.getAttribute('data-copy'));
      if (!code) return;
      copyText(code.textContent).then(
        function () {
          button.textContent = 'Copied';
          button.setAttribute('data-copied', 'true');
          setTimeout(function () {
            button.textContent = 'Copy';
            button.removeAttribute('data-copied');
          }, 2000);
        },
        function () {
          button.textContent = 'Press Ctrl+C';
        },
      );
    });
  });

  // A link to a field inside collapsed fields opens them.
  function reveal() {
    if (!location.hash) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var n = target; n; n = n.parentElement) if (n.tagName === 'DETAILS') n.open = true;
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  reveal();

  // Expand or collapse every nested field of a section.
  document.querySelectorAll('button.section-toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      var section = document.getElementById(button.getAttribute('data-section'));
      if (!section) return;
      var open = button.getAttribute('aria-pressed') !== 'true';
      section.querySelectorAll('details.nested').forEach(function (d) {
        d.open = open;
      });
      button.setAttribute('aria-pressed', String(open));
      button.textContent = open ? 'Collapse all' : 'Expand all';
    });
  });
})();
