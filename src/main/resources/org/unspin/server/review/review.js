// The review page: asks /api/repair for the repair and its edits, then lets the reader accept or reject
// each edit. Edit offsets are UTF-16 offsets into the input, the same unit as JavaScript strings.
'use strict';

const state = { input: '', edits: [], selected: -1 };
const $ = (id) => document.getElementById(id);

function setStatus(message, isError) {
  $('status').textContent = message;
  $('status').classList.toggle('error', Boolean(isError));
}

async function repair() {
  setStatus('Repairing…');
  $('repair').disabled = true;
  try {
    const response = await fetch('api/repair', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text: $('input').value }),
    });
    if (!response.ok) {
      setStatus((await response.text()).trim(), true);
      return;
    }
    const result = await response.json();
    state.input = result.input;
    state.edits = result.edits.map((e) => ({ ...e, accepted: e.applied }));
    state.selected = -1;
    $('summary').textContent = summary(result);
    $('review-section').hidden = false;
    render();
    setStatus('');
  } catch (err) {
    setStatus('Request failed: ' + err, true);
  } finally {
    $('repair').disabled = false;
  }
}

function summary(result) {
  const rewritten = result.edits.filter((e) => e.applied).length;
  const reported = result.edits.length - rewritten;
  return result.edits.length + ' edit' + (result.edits.length === 1 ? '' : 's') + ': ' + rewritten
    + ' rewritten, ' + reported + ' reported only (' + result.score.words + ' words, '
    + result.score.perThousandWords.toFixed(1) + ' findings per 1,000 words).';
}

function shown(edit) {
  return edit.accepted ? edit.replacement : edit.original;
}

function describe(edit) {
  const change = '“' + edit.original + '” → ' + (edit.replacement === null ? '(no suggestion)' : '“' + edit.replacement + '”');
  return change + '\n' + edit.categoryName + ', confidence ' + edit.confidence.toFixed(2)
    + (edit.applied ? ', rewritten by unspin' : ', reported only') + '\n' + edit.explanation
    + (edit.source && !edit.explanation.includes(edit.source) ? ' [' + edit.source + ']' : '');
}

function render() {
  const output = $('output');
  output.replaceChildren();
  let pos = 0;
  let result = '';
  state.edits.forEach((edit, i) => {
    const before = state.input.slice(pos, edit.start);
    output.append(document.createTextNode(before));
    const span = document.createElement('span');
    span.className = 'edit ' + (edit.accepted ? 'accepted' : 'rejected') + ' '
      + (edit.applied ? 'applied' : 'reported') + ' cat-' + edit.category;
    span.classList.toggle('empty', shown(edit) === '');
    span.classList.toggle('selected', i === state.selected);
    span.dataset.edit = i;
    span.textContent = shown(edit);
    span.title = describe(edit);
    span.addEventListener('click', () => select(i));
    output.append(span);
    result += before + shown(edit);
    pos = edit.end;
  });
  output.append(document.createTextNode(state.input.slice(pos)));
  $('result').value = result + state.input.slice(pos);
  renderList();
  renderDetail();
}

function toggleLabel(edit) {
  return edit.accepted ? 'Reject' : 'Accept';
}

function renderList() {
  const list = $('edits');
  list.replaceChildren();
  state.edits.forEach((edit, i) => {
    const item = document.createElement('li');
    item.className = 'edit-item ' + (edit.accepted ? 'accepted' : 'rejected');
    item.dataset.edit = i;
    const change = document.createElement('span');
    change.className = 'change';
    change.textContent = '“' + edit.original + '” → '
      + (edit.replacement === null ? '?' : '“' + edit.replacement + '”');
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = ' ' + edit.categoryName + ', ' + edit.confidence.toFixed(2) + ' — ' + edit.explanation + ' ';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'edit-toggle';
    button.dataset.edit = i;
    button.textContent = toggleLabel(edit);
    button.disabled = edit.replacement === null;
    button.addEventListener('click', () => toggle(i));
    item.append(change, meta, button);
    list.append(item);
  });
}

function renderDetail() {
  const edit = state.edits[state.selected];
  $('detail').hidden = edit === undefined;
  if (edit !== undefined) {
    $('detail-text').textContent = describe(edit);
    $('detail-toggle').textContent = toggleLabel(edit);
    $('detail-toggle').disabled = edit.replacement === null;
  }
}

function select(i) {
  state.selected = i;
  render();
}

function toggle(i) {
  const edit = state.edits[i];
  if (edit.replacement !== null) {
    edit.accepted = !edit.accepted;
    render();
  }
}

async function copyResult() {
  const text = $('result').value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    $('result').select();
    document.execCommand('copy');
  }
  setStatus('Copied.');
}

function downloadResult() {
  const blob = new Blob([$('result').value], { type: 'text/plain;charset=utf-8' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'unspin-repaired.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function upload() {
  const file = $('file').files[0];
  if (!file) {
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    $('input').value = reader.result;
    repair();
  };
  reader.onerror = () => setStatus('Cannot read ' + file.name, true);
  reader.readAsText(file, 'utf-8');
}

document.addEventListener('DOMContentLoaded', () => {
  $('repair').addEventListener('click', repair);
  $('file').addEventListener('change', upload);
  $('copy').addEventListener('click', copyResult);
  $('download').addEventListener('click', downloadResult);
  $('detail-toggle').addEventListener('click', () => toggle(state.selected));
});
