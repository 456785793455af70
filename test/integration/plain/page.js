// The portal's own listeners, on the document: every event of the elements bubbles out of their shadow roots.
const saved = [];
let unauthorized = 0;

document.addEventListener('sel-saved', (event) => {
  saved.push(event.detail.section);
  document.getElementById('saved').textContent = saved.join(', ');
});
document.addEventListener('sel-unauthorized', () => {
  unauthorized += 1;
  document.getElementById('unauthorized').textContent = String(unauthorized);
});
