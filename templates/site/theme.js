// Loaded in <head>, before the page paints: the reader's chosen theme, else the system's.
(function () {
  try {
    var t = localStorage.getItem('lathe-theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch (e) {
    /* storage may be off (private mode, file:// policies): the system theme applies */
  }
})();
