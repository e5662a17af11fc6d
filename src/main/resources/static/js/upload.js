// The upload form in Vietnamese: the browser's own file button may speak another language
// ("Choose Files"), so with scripts on it is replaced by a Vietnamese button and the names
// of the chosen files are listed under it. Without scripts the browser's button stays.
(function () {
  var input = document.getElementById('file');
  var chosen = document.getElementById('file-chosen');
  if (!input || !chosen) {
    return;
  }
  document.documentElement.classList.add('js');
  function show() {
    var names = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
    chosen.textContent = names.length === 0 ? 'Chưa chọn tệp nào.'
      : 'Đã chọn ' + names.length + ' tệp: ' + names.join(', ');
  }
  input.addEventListener('change', show);
  show();
})();
