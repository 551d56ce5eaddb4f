// "Print this chronology": with JavaScript, opens the browser's print dialogue for the page as it
// is (the print stylesheet hides navigation and filters); without, the link shows the print view.
for (const link of document.querySelectorAll('[data-lantern-print]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault()
    window.print()
  })
}
