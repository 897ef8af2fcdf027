// Autosave of the report editor, with the conflict rule of the server: a save names the
// version it was made from; a refused save (409) stops autosave until the writer decides.
(function () {
  "use strict";
  const DELAY = 1500;

  function save(form) {
    const status = form.querySelector(".save-status");
    const body = new FormData(form);
    return fetch(form.action, {
      method: "POST",
      body: body,
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
    }).then(function (resp) {
      return resp.text().then(function (html) {
        status.innerHTML = html;
        const ok = status.querySelector("[data-version]");
        if (resp.ok && ok) {
          form.querySelector("input[name=version]").value = ok.dataset.version;
          delete form.dataset.conflict;
        } else if (resp.status === 409) {
          form.dataset.conflict = "1";
        }
      });
    }).catch(function () {
      status.textContent = "Mất kết nối: chưa lưu được, sẽ thử lại khi bạn gõ tiếp.";
    });
  }

  function wrap(area, before, after) {
    const s = area.selectionStart, e = area.selectionEnd, v = area.value;
    area.value = v.slice(0, s) + before + v.slice(s, e) + after + v.slice(e);
    area.selectionStart = s + before.length;
    area.selectionEnd = e + before.length;
  }

  function prefixLines(area, prefix) {
    const v = area.value;
    const s = v.lastIndexOf("\n", area.selectionStart - 1) + 1;
    area.value = v.slice(0, s) + prefix + v.slice(s);
  }

  function footnote(area) {
    const used = area.value.match(/\[\^(\d+)\]/g) || [];
    const n = used.reduce(function (m, x) { return Math.max(m, parseInt(x.slice(2), 10)); }, 0) + 1;
    wrap(area, "[^" + n + "]", "");
    area.value = area.value.replace(/\s*$/, "") + "\n\n[^" + n + "]: ";
  }

  document.querySelectorAll("form.part").forEach(function (form) {
    const area = form.querySelector("textarea[name=text]:not([readonly])");
    if (!area) return;
    let timer = null;
    const schedule = function () {
      if (form.dataset.conflict) return;
      clearTimeout(timer);
      timer = setTimeout(function () { save(form); }, DELAY);
    };
    area.addEventListener("input", schedule);
    form.addEventListener("submit", function (ev) {
      // a button with its own formaction (restore a version) posts the ordinary way
      if (ev.submitter && ev.submitter.hasAttribute("formaction")) return;
      ev.preventDefault();
      clearTimeout(timer);
      save(form);
    });
    form.addEventListener("click", function (ev) {
      const b = ev.target.closest("button");
      if (!b) return;
      if (b.dataset.wrap) { wrap(area, b.dataset.wrap, b.dataset.wrap); schedule(); }
      else if (b.dataset.prefix) { prefixLines(area, b.dataset.prefix); schedule(); }
      else if ("footnote" in b.dataset) { footnote(area); schedule(); }
      else if (b.dataset.keepMine) {
        form.querySelector("input[name=version]").value = b.dataset.keepMine;
        delete form.dataset.conflict;
        save(form);
      }
    });
  });
})();
