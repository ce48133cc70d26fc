// The language links on a guide carry the reader's step or answer anchor to the same page in the other language
// (anchors are the same in every language). Only a plain anchor name is carried, never anything else a URL fragment
// might hold. Without this script the link still leads to the same page, at its top.
document.addEventListener('click', function (event) {
  var link = event.target instanceof Element ? event.target.closest('a[data-keeps-anchor]') : null;
  if (link && /^#[a-z0-9-]+$/.test(window.location.hash)) link.hash = window.location.hash;
});
