/* The page editor (Wagtail admin). Loaded on every admin page by country_pages.wagtail_hooks.

   Large numbers grouped as they are typed: beside each number input that
   country_pages.blocks marks with `data-grouped-number` (funding gaps, areas, people, mines),
   the typed value is repeated grouped by thousands in the admin's language ("9,800,000";
   "9 800 000" in French), so that a zero too many or too few is seen before saving. The
   readout is a polite live region, also part of the input's description; it is empty when
   the input is empty or grouping adds nothing ("980"). The input and what is saved keep the
   plain number. Blocks added later (a new need, a new casualty year) get their readout too. */
(() => {
  "use strict";

  const INPUTS = "input[data-grouped-number]";
  const READOUT_CLASS = "grouped-number";
  const OPTIONS = { maximumFractionDigits: 20, numberingSystem: "latn" };

  // Western digits in every language, as typed and as the public pages show them (the
  // Arabic pages group "14,500,000": cms/formats/ar).
  let numberFormat;
  try {
    numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined, OPTIONS);
  } catch {
    numberFormat = new Intl.NumberFormat(undefined, OPTIONS);
  }

  const readouts = new WeakMap();
  let counter = 0;

  function grouped(input) {
    const raw = input.value.trim();
    if (raw === "" || (input.validity && input.validity.badInput)) return "";
    const number = Number(raw);
    if (!Number.isFinite(number)) return "";
    const text = numberFormat.format(number);
    return text === raw ? "" : text;
  }

  function readoutFor(input) {
    let readout = readouts.get(input);
    if (readout && readout.isConnected) return readout;
    readout = document.createElement("span");
    readout.className = READOUT_CLASS;
    readout.id = `${input.id || `grouped-number-${++counter}`}-grouped`;
    // Always in the page, empty rather than hidden: a screen reader announces a change in a
    // live region that it already knows, not one that appears (admin.css hides it if empty).
    readout.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", readout);
    const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!described.includes(readout.id)) {
      input.setAttribute("aria-describedby", [...described, readout.id].join(" "));
    }
    readouts.set(input, readout);
    return readout;
  }

  function update(input) {
    const readout = readoutFor(input);
    const text = grouped(input);
    if (readout.textContent !== text) readout.textContent = text;
  }

  function updateWithin(node) {
    if (!(node instanceof Element)) return;
    if (node.matches(INPUTS)) update(node);
    node.querySelectorAll(INPUTS).forEach(update);
  }

  function onInput(event) {
    if (event.target instanceof HTMLInputElement && event.target.matches(INPUTS)) {
      update(event.target);
    }
  }

  document.addEventListener("input", onInput);
  document.addEventListener("change", onInput);

  // Wagtail draws the StreamField's blocks after the page has loaded, and each block added.
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach(updateWithin);
  }).observe(document.documentElement, { childList: true, subtree: true });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => updateWithin(document.body));
  } else {
    updateWithin(document.body);
  }
})();

/* Wagtail 8's autosave, when its answer comes back, takes the form as it is *then* as saved
   (`w-autosave:success->w-unsaved#clear`): what was typed while the request was on its way
   was then neither saved nor flagged as unsaved, unless the unsaved-changes check happened
   to run before the answer (tests/browser/test_report_walkthrough.py found it). Remember
   the form as it was sent, and after the answer, if the form has changed since, put that
   back as the saved state: the next check sees the change and autosaves it. */
(() => {
  const sent = new WeakMap();
  const watcher = (form) =>
    window.wagtail?.app?.getControllerForElementAndIdentifier(form, "w-unsaved");

  document.addEventListener("w-autosave:save", (event) => {
    const unsaved = watcher(event.target);
    if (unsaved) sent.set(event.target, unsaved.formData);
  });
  // On the document, so after the form's own `w-unsaved#clear`.
  document.addEventListener("w-autosave:success", (event) => {
    const unsaved = watcher(event.target);
    const wasSent = sent.get(event.target);
    if (unsaved && wasSent !== undefined && unsaved.formData !== wasSent) {
      unsaved.initialFormData = wasSent;
      unsaved.previousFormData = wasSent;
    }
  });
})();
