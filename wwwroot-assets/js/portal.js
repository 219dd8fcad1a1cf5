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
  focusElement(selector) {
    const element = document.querySelector(selector);
    if (element) { element.focus(); }
  },
};
