// Translated texts rendered by the server into #capture-texts; {name} placeholders are filled in here.
const texts = new Map();

export function loadTexts(root) {
  root.querySelectorAll('[data-key]').forEach((el) => texts.set(el.dataset.key, el.textContent));
}

export function text(key, values = {}) {
  const template = texts.get(key) ?? texts.get('error.generic') ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}
