// yibao: runs before the app (a plain script after go-app's deferred ones,
// so before them), on every page.
//
// 1. Local storage. Where reading window.localStorage throws (site data
//    blocked, some WebViews, third-party iframes), the Go program would
//    abort at its first read: syscall/js does not guard property gets. Such
//    a storage is replaced by one in memory, and window.yibaoStorage says
//    so, for the page to tell the person that nothing is saved.
// 2. The address's #input= fragment, replaced safely (yibaoSetFragment).
// 3. Large text (长辈版), when chosen before.
// 4. A failed first load. go-app's loader shows the raw error (an English
//    TypeError); it becomes a message in the page's language with a retry
//    button. While loading, the loader is a thin progress line.
// 5. What a person does before the app runs, kept for it (yibaoReplay).
(function () {
  "use strict";
  var blocked = false;
  try {
    var s = window.localStorage;
    blocked = !s;
    if (s) s.getItem("yibao.lang");
  } catch (e) {
    blocked = true;
  }
  if (blocked) {
    var items = new Map();
    var memory = {
      getItem: function (k) { k = String(k); return items.has(k) ? items.get(k) : null; },
      setItem: function (k, v) { items.set(String(k), String(v)); },
      removeItem: function (k) { items.delete(String(k)); },
      clear: function () { items.clear(); },
      key: function (i) { var keys = Array.from(items.keys()); return i < keys.length ? keys[i] : null; },
      get length() { return items.size; },
    };
    try {
      Object.defineProperty(window, "localStorage", { value: memory, configurable: true });
      window.yibaoStorage = "memory";
    } catch (e) {}
  }

  // The address carries the input (#input=…, the share link), kept current
  // by the app so that WeChat's 发送给朋友 and a copied address send what is
  // on the screen. Safari throws when a page replaces its address too
  // often; a throw from Go's syscall/js would abort the app, so the call
  // is guarded here.
  window.yibaoSetFragment = function (fragment) {
    try {
      history.replaceState(history.state, "", location.pathname + location.search + (fragment ? "#" + fragment : ""));
      return true;
    } catch (e) {
      return false;
    }
  };

  // 长辈版: large text, chosen before (saved by the app as JSON), set before
  // the first paint so that the page does not jump when the app starts.
  try {
    if (JSON.parse(window.localStorage.getItem("yibao.textSize")) === "large" && location.pathname.slice(-6) !== "/embed") {
      document.documentElement.classList.add("large");
    }
  } catch (e) {}

  // The language: /embed's ?lang=, else the one chosen before (saved by
  // the app as JSON), as app/ui's parseLang reads them.
  var english = function () {
    var v = new URLSearchParams(location.search).get("lang");
    if (v === null && location.pathname.slice(-6) !== "/embed") {
      try { v = JSON.parse(window.localStorage.getItem("yibao.lang")); } catch (e) {}
    }
    return v === "en" || v === "en-US" || v === "en-GB";
  };
  // go-app's loader (app.js) stops the icon's spin and writes the error
  // into the label when loading app.wasm fails.
  var watchLoader = function () {
    var icon = document.getElementById("app-wasm-loader-icon");
    var label = document.getElementById("app-wasm-loader-label");
    if (!icon || !label) return;
    var shown = false;
    var check = function () {
      if (shown || !document.body.contains(label) || /spin/.test(icon.className)) return;
      if (!label.textContent) return;
      shown = true;
      observer.disconnect();
      var en = english();
      console.error("yibao: loading failed: " + label.textContent);
      label.textContent = en
        ? "The calculator could not be loaded: the connection was cut or the download is incomplete."
        : "计算器没能加载完成：网络中断或下载不完整。";
      label.setAttribute("role", "alert");
      var loader = document.getElementById("app-wasm-loader");
      if (loader) loader.classList.add("failed");
      var retry = document.createElement("button");
      retry.type = "button";
      retry.id = "app-wasm-retry";
      retry.className = "btn btn-primary";
      retry.textContent = en ? "Retry" : "重试";
      retry.addEventListener("click", function () { location.reload(); });
      label.parentNode.appendChild(retry);
    };
    // The download's progress, as the thin line's width.
    var progress = function () {
      var m = /(\d+)%/.exec(label.textContent || "");
      var loader = document.getElementById("app-wasm-loader");
      if (m && loader) loader.style.setProperty("--yibao-progress", Math.max(4, +m[1]) + "%");
    };
    var observer = new MutationObserver(function () { progress(); check(); });
    observer.observe(icon, { attributes: true });
    observer.observe(label, { childList: true, characterData: true, subtree: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchLoader);
  } else {
    watchLoader();
  }

  // Before the app runs, the prerendered page can be read and used: a tap
  // on a life event (event-…) shows its first question, prerendered hidden
  // (section pre-<event>-flow, boxes pre-<event>-ev-<key>), and what is
  // answered there or typed into a box is kept. The app opens that life
  // event in its first render (window.yibaoEarlyEvent); window.yibaoReplay,
  // which it calls once it has painted its page, gives it the rest: the
  // boxes' texts, then the first question's answer in the app's own box
  // (ev-<key>) and 下一步 if it was pressed, or the tap on a life event
  // that has no prerendered question.
  var early = { tap: "", typed: {}, flow: null };
  var pendingText = function () {
    return english() ? "Going on as soon as the calculator has loaded…" : "计算器加载好就继续……";
  };
  var showFlow = function (b, section) {
    var choices = b.closest("section");
    early.tap = b.id;
    early.flow = { section: section, choices: choices, answers: {}, next: false };
    if (choices) choices.hidden = true;
    section.hidden = false;
    var box = section.querySelector('input:not([type="radio"])');
    (box || section.querySelector("h2")).focus();
  };
  var hideFlow = function () {
    var f = early.flow;
    if (!f) return;
    f.section.hidden = true;
    if (f.choices) f.choices.hidden = false;
    var tapped = document.getElementById(early.tap);
    early.tap = "";
    early.flow = null;
    if (tapped) tapped.focus();
  };
  // appID is the app's id for a prerendered first question's id or name:
  // pre-<event>-ev-region is ev-region ("" for what is not in one).
  var appID = function (id) {
    var f = early.flow;
    var pre = f && "pre-" + f.section.getAttribute("data-event") + "-";
    return pre && id && id.indexOf(pre) === 0 ? id.slice(pre.length) : "";
  };
  var onClick = function (e) {
    var nav = e.target.closest && e.target.closest("[data-pre]");
    if (nav && early.flow) {
      e.preventDefault();
      if (nav.getAttribute("data-pre") === "back") {
        hideFlow();
        return;
      }
      early.flow.next = true;
      nav.classList.add("pending");
      nav.setAttribute("data-pending", pendingText());
      return;
    }
    var b = e.target.closest && e.target.closest('button[id^="event-"]');
    if (!b) return;
    e.preventDefault();
    var section = document.getElementById("pre-" + b.id.slice(6) + "-flow");
    if (section) {
      showFlow(b, section);
      return;
    }
    var old = early.tap && document.getElementById(early.tap);
    if (old) old.classList.remove("pending");
    early.tap = b.id;
    b.classList.add("pending");
    b.setAttribute("data-pending", english() ? "Opening as soon as the calculator has loaded…" : "计算器加载好就打开……");
  };
  var onInput = function (e) {
    var el = e.target;
    if (!el.id || typeof el.value !== "string") return;
    var id = appID(el.id);
    if (!id) {
      early.typed[el.id] = el.value;
    } else if (el.type !== "radio") {
      early.flow.answers[id] = { value: el.value };
    } else if (el.checked) {
      early.flow.answers[appID(el.name)] = { radio: id };
    }
  };
  // Enter in a first question's box is its 下一步, as in the app.
  var onKey = function (e) {
    if (e.key !== "Enter" || !early.flow || !appID(e.target.id || "")) return;
    var next = early.flow.section.querySelector('[data-pre="next"]');
    if (next) {
      e.preventDefault();
      next.click();
    }
  };
  document.addEventListener("click", onClick, true);
  document.addEventListener("input", onInput, true);
  document.addEventListener("change", onInput, true);
  document.addEventListener("keydown", onKey, true);
  // answer gives the app's life event what was answered on its prerendered
  // first question, once the app shows that question.
  var answer = function (flow, tries) {
    var keys = Object.keys(flow.answers);
    var ready = document.getElementById("flow-next") !== null && keys.every(function (k) {
      return document.getElementById(flow.answers[k].radio || k) !== null;
    });
    if (!ready) {
      if (tries < 300) requestAnimationFrame(function () { answer(flow, tries + 1); });
      return;
    }
    var region = false;
    var first = document.querySelector('#life-event input:not([type="radio"])') || document.getElementById("ev-heading");
    if (first) first.focus();
    keys.forEach(function (k) {
      var a = flow.answers[k];
      var el = document.getElementById(a.radio || k);
      if (a.radio) {
        if (!el.checked) el.click();
        return;
      }
      el.focus();
      el.value = a.value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      region = el.getAttribute("role") === "combobox";
    });
    // 下一步 pressed before the app ran is pressed now, except after a
    // region typed, which is still to be picked from the list that shows.
    if (flow.next && !region) {
      setTimeout(function () {
        var next = document.getElementById("flow-next");
        if (next) next.click();
      }, 0);
    }
  };
  // The life event whose first question shows, for the app's first render
  // to open (the list does not flash between the two).
  window.yibaoEarlyEvent = function () {
    return early.flow ? early.flow.section.getAttribute("data-event") : "";
  };
  window.yibaoReplay = function () {
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("input", onInput, true);
    document.removeEventListener("change", onInput, true);
    document.removeEventListener("keydown", onKey, true);
    window.yibaoReplay = function () {};
    Object.keys(early.typed).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || el.value === early.typed[id]) return;
      el.value = early.typed[id];
      el.dispatchEvent(new Event("input", { bubbles: true }));
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    if (early.flow) {
      // The app opened the event itself (yibaoEarlyEvent).
      answer(early.flow, 0);
      return;
    }
    var tap = early.tap && document.getElementById(early.tap);
    if (tap) tap.click();
  };
})();
