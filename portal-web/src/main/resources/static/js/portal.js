// Small progressive enhancements; loaded as a file because the CSP forbids inline scripts.
document.addEventListener('DOMContentLoaded', () => {
  // "Copy" buttons carry the id of the element whose text they copy.
  document.querySelectorAll('[data-copy-target]').forEach((button) => {
    button.addEventListener('click', () => {
      const target = document.getElementById(button.dataset.copyTarget);
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.textContent.trim());
      }
    });
  });
  // Forms that need a confirmation carry the question in data-confirm.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
