// Drag-and-drop onto the import form's file input; the plain input works without this script.
(function () {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("id_files");
  const list = document.getElementById("chosen-files");
  if (!zone || !input) return;
  function show() {
    list.replaceChildren(...Array.from(input.files).map(function (file) {
      const item = document.createElement("li");
      item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " kB)";
      return item;
    }));
  }
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
})();
