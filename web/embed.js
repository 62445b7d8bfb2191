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
 * data-height (the height before the first message, default 640).
 *
 * Plain ES5, no dependencies, nothing sent anywhere. window.yibaoEmbed.scan()
 * picks up divs added later.
 */
(function () {
  "use strict";

  var MESSAGE_TYPE = "yibao:height";
  var MAX_HEIGHT = 100000;

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

  function mount(div) {
    if (div.getAttribute("data-yibao-loaded") !== null) {
      return;
    }
    div.setAttribute("data-yibao-loaded", "");
    var lang = div.getAttribute("data-lang");
    var height = parseInt(div.getAttribute("data-height"), 10);
    var frame = document.createElement("iframe");
    frame.src = embedURL(div);
    frame.title = lang === "en" ? "Medical insurance continuity calculator" : "医保连续参保计算器";
    frame.setAttribute("loading", "lazy");
    // The calculator learns the page's origin (for the target of its
    // height messages), never its path.
    frame.setAttribute("referrerpolicy", "strict-origin");
    frame.setAttribute("width", "100%");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (height > 0 ? height : 640) + "px";
    while (div.firstChild) {
      div.removeChild(div.firstChild); // the fallback link, for pages without script
    }
    div.appendChild(frame);
    frames.push(frame);
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
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(h) + "px";
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
