// Small browser helpers called through JS interop. No inline scripts: this file is the only script of ours.
window.portal = {
  async copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API unavailable (insecure origin, permissions): fall back to a hidden textarea.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch { ok = false; }
      area.remove();
      return ok;
    }
  },
  // The theme's stylesheet holds both palettes; the class on the root element picks one (ThemeStylesheet.cs).
  setTheme(value) {
    document.cookie = `portal.theme=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.classList.toggle("portal-dark", value === "dark");
  },
  downloadText(fileName, contentType, text) {
    const blob = new Blob([text], { type: contentType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  // The new-connection wizard's typed input, for this tab only (see WizardDraft).
  saveDraft(key, json) {
    try { sessionStorage.setItem(key, json); } catch { /* storage full or disabled: the draft is a convenience */ }
  },
  loadDraft(key) {
    try { return sessionStorage.getItem(key); } catch { return null; }
  },
  clearDraft(key) {
    try { sessionStorage.removeItem(key); } catch { /* nothing to clear */ }
  },
  setTitle(title) {
    document.title = title;
  },
  // Also a heading: one without a tabindex gets -1, so it can take focus (where a screen reader should start on a page).
  focusElement(selector) {
    const element = document.querySelector(selector);
    if (element) {
      if (!element.hasAttribute("tabindex")) { element.setAttribute("tabindex", "-1"); }
      element.focus();
    }
  },
  // A page that loads its content after its circuit starts replaces the heading focus was put on: focus that fell back
  // to the document goes to the new heading; focus the user has moved elsewhere stays where it is.
  focusHeadingIfLost() {
    if (!document.activeElement || document.activeElement === document.body) {
      this.focusElement("main h1");
    }
  },
};

// The layout's controls work in the browser: the layout is rendered on the server, in no circuit (see MainLayout.razor).
// Listeners sit on the document, so they keep working when an enhanced navigation replaces the layout's elements.
(() => {
  const narrow = window.matchMedia("(max-width: 959.98px)");
  const root = document.documentElement;
  // On a wide screen the drawer is shown unless collapsed; on a narrow one it is hidden unless shown over the page.
  const drawerOpen = () => narrow.matches ? root.classList.contains("portal-drawer-shown") : !root.classList.contains("portal-drawer-collapsed");
  const syncDrawerToggle = () => {
    for (const toggle of document.querySelectorAll("[data-portal-drawer-toggle]")) {
      toggle.setAttribute("aria-expanded", String(drawerOpen()));
    }
  };
  const closeMenus = (except) => {
    for (const menu of document.querySelectorAll("details[data-portal-menu][open]")) {
      if (menu !== except) { menu.open = false; }
    }
  };

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    if (target.closest("[data-portal-drawer-toggle]")) {
      root.classList.toggle(narrow.matches ? "portal-drawer-shown" : "portal-drawer-collapsed");
      syncDrawerToggle();
    } else if (target.closest("[data-portal-drawer-close]") || (narrow.matches && target.closest("#portal-drawer a"))) {
      root.classList.remove("portal-drawer-shown");
      syncDrawerToggle();
    }
    if (target.closest("[data-portal-theme-toggle]")) {
      window.portal.setTheme(root.classList.contains("portal-dark") ? "light" : "dark");
    }
    closeMenus(target.closest("details[data-portal-menu]"));
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") { return; }
    const open = document.querySelector("details[data-portal-menu][open]");
    if (open) {
      open.open = false;
      open.querySelector("summary")?.focus();
    } else if (narrow.matches && root.classList.contains("portal-drawer-shown")) {
      root.classList.remove("portal-drawer-shown");
      syncDrawerToggle();
    }
  });

  narrow.addEventListener("change", () => { root.classList.remove("portal-drawer-shown"); syncDrawerToggle(); });
  document.addEventListener("DOMContentLoaded", syncDrawerToggle);

  // A link to another page is an enhanced navigation (the layout is static): focus moves to the new page's heading. An
  // interactive page does it again once its circuit has rendered it (PageProviders); a filter in the query keeps focus.
  let path = location.pathname;
  window.Blazor?.addEventListener("enhancedload", () => {
    syncDrawerToggle(); // the new page's layout came with the server's default
    if (location.pathname !== path) {
      path = location.pathname;
      window.portal.focusElement("main h1");
    }
  });
})();

