// The task pane's first script, in ES5 on purpose so that every webview can run it. The pane itself is
// ES2020 (tsconfig.web.json): in a webview older than that — Internet Explorer 11 or EdgeHTML, which
// only Excel versions the add-in does not support still use — it would not even parse, and the pane
// would stay blank. This script checks for the language and the parts the pane needs and, when one is
// missing, puts one sentence in the pane and tells the bundle not to start (`window.sroUnsupported`).
(function () {
  var MESSAGE =
    'SRO Portfolio needs a newer Excel: Microsoft 365 (version 2102 or later) or Excel 2021 or 2024 on Windows with the Microsoft Edge WebView2 Runtime, Excel for Mac 16.50 or later, or Excel on the web in a current browser.';

  function modernSyntax() {
    try {
      // Optional chaining and nullish coalescing: ES2020, the pane's level.
      return new Function('var a = {}; return a?.b ?? 1;')() === 1;
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      return false;
    }
  }

  var ok =
    typeof globalThis === 'object' &&
    typeof BigInt === 'function' &&
    typeof Promise === 'function' &&
    typeof Promise.allSettled === 'function' &&
    typeof String.prototype.matchAll === 'function' &&
    typeof WebAssembly === 'object' &&
    typeof Worker === 'function' &&
    modernSyntax();
  if (ok) return;
  window.sroUnsupported = true;
  function say() {
    var root = document.getElementById('root');
    if (root) root.textContent = MESSAGE;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', say);
  else say();
})();
