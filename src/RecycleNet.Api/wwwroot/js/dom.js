/**
 * The page's only way to build markup: elements with properties, and children that are nodes or text. Strings
 * become text nodes, never HTML, so a community named "<img onerror=…>" shows as those characters and runs nothing.
 * (The Content-Security-Policy would refuse to run it anyway; this keeps it from becoming markup at all.)
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null) continue;
    if (k === 'className') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces a container's content with the given children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table head and body from rows of cells (text or nodes). */
export function table(target, headers, rows) {
  return fill(target,
    el('thead', {}, el('tr', {}, headers.map(h => h instanceof Node ? h : el('th', {}, h)))),
    el('tbody', {}, rows));
}

/** Lines of text for a Leaflet popup or tooltip, as a node: the first line bold. */
export function popup(title, ...lines) {
  return el('div', {}, el('b', {}, title ?? ''), lines.filter(l => l != null && l !== '').map(l => [el('br'), l]));
}
