/*
 * yibao embed loader: puts the compact calculator (/embed) in a partner's
 * page. Add, anywhere in the page:
 *
 *   <div data-yibao data-region="440300" data-lang="zh" data-theme="#0a7" data-scheme="resident"></div>
 *   <script src="https://YIBAO-HOST/web/embed.js" async></script>
 *
 * Each <div data-yibao> becomes one iframe of /embed on the script's own
 * origin and base path (so the site may live under a sub-path such as
 * /tools/yibao/). The iframe then tells its height, and only its height,
 * with postMessage({"type": "yibao:height", "height": N}); the loader
 * resizes that iframe, after checking that the message comes from the
 * script's origin and from that very iframe. No other data passes between
 * the calculator and the page: what the person types stays in the iframe.
 *
 * Optional attributes: data-region (6-digit region code: the preset region
 * of the plan and of new enrollments), data-lang ("zh" or "en"), data-theme
 * (a primary colour, "#0a7" or "#00aa77"), data-scheme ("resident" or
 * "employee"), data-input (a prepared input, base64url as in #input= links),
 * data-height (the height before the first message: a whole number of
 * pixels from 100 to 4000, otherwise the default 640).
 *
 * The iframe is sandboxed to what the calculator needs: its scripts, its
 * own origin (the app's files and service worker), and a popup that leaves
 * the sandbox for its "open in a new window" link (the full app, where the
 * input can be saved and installed). No forms are submitted (the form only
 * holds the fields), no top navigation, no modals, no downloads.
 *
 * The div's own content (a link to the calculator, for pages without
 * script) stays, hidden, below the iframe; it is shown again when no height
 * message came within 6 s of the iframe loading (yibao refuses to be framed
 * by this page, or the network is very slow), or within 12 s of the iframe
 * coming into view when it does not even load, until one comes.
 *
 * Plain ES5, no dependencies, nothing sent anywhere. window.yibaoEmbed.scan()
 * picks up divs added later.
 */
(function () {
  "use strict";

  var MESSAGE_TYPE = "yibao:height";
  var MAX_HEIGHT = 100000;
  var DEFAULT_HEIGHT = 640;
  var MIN_START_HEIGHT = 100;
  var MAX_START_HEIGHT = 4000;
  var FALLBACK_DELAY = 6000; // ms after the iframe's load event
  // ms after the iframe first came into view, for a frame that never loads
  // (a connection that hangs): lazy frames out of view load nothing, and
  // must not show their link.
  var UNLOADED_DELAY = 12000;
  var SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

  function findScript() {
    var list = document.getElementsByTagName("script");
    for (var i = list.length - 1; i >= 0; i--) {
      if (/\/embed\.js([?#].*)?$/.test(list[i].src)) {
        return list[i];
      }
    }
    return null;
  }

  var script = document.currentScript || findScript();
  if (!script || !script.src) {
    return;
  }

  // The script's own origin and base path, read off its absolute URL:
  // https://host/tools/yibao/web/embed.js → https://host and /tools/yibao.
  var a = document.createElement("a");
  a.href = script.src;
  var origin = a.origin && a.origin !== "null" ? a.origin : legacyOrigin(a);
  var path = a.pathname.charAt(0) === "/" ? a.pathname : "/" + a.pathname;
  var base = path.replace(/\/[^\/]*$/, "").replace(/\/web$/, "");

  function legacyOrigin(link) {
    var port = link.port;
    if ((link.protocol === "https:" && port === "443") || (link.protocol === "http:" && port === "80")) {
      port = "";
    }
    return link.protocol + "//" + link.hostname + (port ? ":" + port : "");
  }

  var frames = [];

  function embedURL(div) {
    var query = [];
    var names = ["region", "lang", "theme", "scheme"];
    for (var i = 0; i < names.length; i++) {
      var v = div.getAttribute("data-" + names[i]);
      if (v) {
        query.push(names[i] + "=" + encodeURIComponent(v));
      }
    }
    var url = origin + base + "/embed" + (query.length ? "?" + query.join("&") : "");
    var input = div.getAttribute("data-input");
    if (input && /^[A-Za-z0-9_-]+$/.test(input)) {
      url += "#input=" + input;
    }
    return url;
  }

  // startHeight reads data-height: a whole number of pixels in a sane
  // range ("1e9" is not 1 px, nor "640px" 640), else the default.
  function startHeight(div) {
    var v = div.getAttribute("data-height");
    if (v === null || !/^\s*[0-9]{1,5}\s*$/.test(v)) {
      return DEFAULT_HEIGHT;
    }
    var h = parseInt(v, 10);
    return h >= MIN_START_HEIGHT && h <= MAX_START_HEIGHT ? h : DEFAULT_HEIGHT;
  }

  // fallbackFor moves the div's content (the partner's link for pages
  // without script) into a hidden box, or makes a link to the full app when
  // the div has none.
  function fallbackFor(div, lang) {
    var box = document.createElement("div");
    box.className = "yibao-fallback";
    box.style.display = "none";
    var hasElement = false;
    while (div.firstChild) {
      hasElement = hasElement || div.firstChild.nodeType === 1;
      box.appendChild(div.firstChild);
    }
    if (!hasElement) {
      while (box.firstChild) {
        box.removeChild(box.firstChild);
      }
      var link = document.createElement("a");
      var input = div.getAttribute("data-input");
      link.href = origin + base + "/" + (input && /^[A-Za-z0-9_-]+$/.test(input) ? "#input=" + input : "");
      link.target = "_blank";
      link.rel = "noopener";
      link.appendChild(document.createTextNode(lang === "en" ? "Open the medical insurance continuity calculator" : "打开医保连续参保计算器"));
      box.appendChild(link);
    }
    return box;
  }

  function mount(div) {
    if (div.getAttribute("data-yibao-loaded") !== null) {
      return;
    }
    div.setAttribute("data-yibao-loaded", "");
    var lang = div.getAttribute("data-lang");
    var frame = document.createElement("iframe");
    frame.src = embedURL(div);
    frame.title = lang === "en" ? "Medical insurance continuity calculator" : "医保连续参保计算器";
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("sandbox", SANDBOX);
    // The calculator learns the page's origin (for the target of its
    // height messages), never its path.
    frame.setAttribute("referrerpolicy", "strict-origin");
    frame.setAttribute("width", "100%");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = startHeight(div) + "px";
    var entry = { frame: frame, div: div, fallback: fallbackFor(div, lang), reported: false, timer: null, loaded: false };
    frame.addEventListener("load", function () {
      entry.loaded = true;
      wait(entry, FALLBACK_DELAY);
    });
    div.appendChild(frame);
    div.appendChild(entry.fallback);
    frames.push(entry);
    if (window.IntersectionObserver) {
      var seen = new IntersectionObserver(function (changes) {
        for (var i = 0; i < changes.length; i++) {
          if (changes[i].isIntersecting) {
            seen.disconnect();
            if (!entry.loaded) {
              wait(entry, UNLOADED_DELAY);
            }
          }
        }
      });
      seen.observe(frame);
    }
  }

  // wait shows the embed's fallback link after delay ms unless a height
  // message comes first; a load restarts it with its own delay.
  function wait(entry, delay) {
    if (entry.reported) {
      return;
    }
    if (entry.timer !== null) {
      clearTimeout(entry.timer);
    }
    entry.timer = setTimeout(function () {
      if (!entry.reported) {
        entry.fallback.style.display = "";
        entry.div.setAttribute("data-yibao-fallback", "");
      }
    }, delay);
  }

  // reported marks an embed as working: its fallback is hidden again.
  function reported(entry) {
    entry.reported = true;
    if (entry.timer !== null) {
      clearTimeout(entry.timer);
    }
    entry.fallback.style.display = "none";
    entry.div.removeAttribute("data-yibao-fallback");
  }

  function scan() {
    var divs = document.querySelectorAll("[data-yibao]");
    for (var i = 0; i < divs.length; i++) {
      mount(divs[i]);
    }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) {
      return;
    }
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== MESSAGE_TYPE) {
      return;
    }
    var h = data.height;
    if (typeof h !== "number" || !isFinite(h) || h < 0 || h > MAX_HEIGHT) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) {
        frames[i].frame.style.height = Math.ceil(h) + "px";
        reported(frames[i]);
        return;
      }
    }
  });

  scan();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  }
  if (!window.yibaoEmbed) {
    window.yibaoEmbed = { scan: scan };
  }
})();
