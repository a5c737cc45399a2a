/*
 * The iframe side of the Forge bridge, as the sandbox's resource server adds it to a Custom UI
 * app's index.html (before the app's own scripts, because @forge/bridge looks up
 * `window.__bridge.callBridge` when its modules load). Every call becomes a postMessage to the
 * host page (bridge-host.js), which answers it; nothing else of the host is reachable from here,
 * as with Jira's cross-origin iframes. The shim also applies the host's theme once the app calls
 * `view.theme.enable()`, and reports the content height so the host can size the iframe the way
 * Jira auto-sizes issue panels and gadgets.
 */
(function installSandboxBridge() {
  'use strict';
  var CHANNEL = 'goalkeeper-sandbox-bridge';
  var TOKENS_STYLESHEET = '/__forge/tokens.css';
  var pending = new Map();
  var subscriptions = new Map();
  var nextId = 1;

  function post(message) {
    message.channel = CHANNEL;
    window.parent.postMessage(message, '*');
  }

  function applyTheme(theme) {
    if (!theme) return;
    var root = document.documentElement;
    if (!document.getElementById('sandbox-forge-tokens')) {
      var link = document.createElement('link');
      link.id = 'sandbox-forge-tokens';
      link.rel = 'stylesheet';
      link.href = TOKENS_STYLESHEET;
      document.head.appendChild(link);
    }
    root.setAttribute('data-color-mode', theme.colorMode);
    root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
  }

  /** `events.on` hands over a callback: keep it here, send the host an id to call back with. */
  function subscribe(name, payload) {
    var subscriptionId = String(nextId++);
    subscriptions.set(subscriptionId, payload.callback);
    return call(name, { event: payload.event, subscriptionId: subscriptionId }).then(function () {
      return {
        unsubscribe: function () {
          subscriptions.delete(subscriptionId);
          return call('unsubscribe', { subscriptionId: subscriptionId });
        },
      };
    });
  }

  function call(name, payload) {
    var id = String(nextId++);
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      post({ kind: 'call', id: id, name: name, payload: payload === undefined ? null : payload });
    });
  }

  function callBridge(name, payload) {
    if (name === 'on' || name === 'onPublic') return subscribe(name, payload);
    return call(name, payload);
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.source !== window.parent || !message || message.channel !== CHANNEL) return;
    if (message.kind === 'result') {
      var waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.error));
    } else if (message.kind === 'theme') {
      applyTheme(message.theme);
    } else if (message.kind === 'event') {
      var callback = subscriptions.get(message.subscriptionId);
      if (callback) callback(message.payload);
    }
  });

  function reportHeight() {
    var body = document.body;
    if (!body) return;
    var style = getComputedStyle(body);
    var height = Math.ceil(body.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    post({ kind: 'resize', height: height });
  }

  window.__bridge = { callBridge: callBridge };
  document.addEventListener('DOMContentLoaded', function () {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  });
})();
