// "Download private key" on the page shown once after an API application was created. The key is already in the
// page (a read-only textarea); this only saves it as <sdkId>.pem. Nothing is sent anywhere.
const button = document.getElementById('download-private-key');

if (button) {
  button.addEventListener('click', () => {
    const pem = document.getElementById(button.dataset.keySource).value;
    const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = button.dataset.filename;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next task: some browsers start the download only after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
}
