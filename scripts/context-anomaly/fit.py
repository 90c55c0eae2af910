#!/usr/bin/env python3
"""Fits the weights of org.unspin.detect.ContextAnomaly from the word features ProbeWords.java dumps.

From the repository root, with target/unspin.jar built and the SOTU corpus fetched:

  java -jar target/unspin.jar learn $(awk -F'\t' '$2=="test"{print "target/corpora/sotu/package/data/"$1}' \
      testdata/eval/news-split.tsv) -o /tmp/sotu-test.model      # corpus outside the dev split
  java -cp target/unspin.jar scripts/context-anomaly/ProbeWords.java dev 200 /tmp/sotu-test.model /tmp/dev-words.tsv
  python3 scripts/context-anomaly/fit.py /tmp/dev-words.tsv 1253522   # tokens of that model (learn prints them)

Prints, for the language-model-only and the corpus variant, the document AUC of the score (mean of
max(0, log-odds - floor)) on the odd dev documents when fitted on the even ones, and the weights fitted on all.
Needs numpy (Debian: apt-get install python3-numpy; the machine reaches no PyPI).
"""
import sys
import numpy as np

rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
header, rows = rows[0], rows[1:]
tokens = float(sys.argv[2])
col = {h: i for i, h in enumerate(header)}
F = {h: np.array([float(r[col[h]]) for r in rows]) for h in header if h not in ('domain', 'group')}
group = [r[col['domain']] + '/' + r[col['group']] for r in rows]
for k in ('cu', 'cl', 'cr', 'ct'):  # counts per million corpus words; -1 = no neighbour
    F[k] = np.where(F[k] < 0, -1, F[k] * 1e6 / tokens)


def features(corpus):
    alt = F['nalt'] > 0
    x = [np.ones(len(rows)), F['uni'], F['bl'], F['br'], F['tl'], F['tr'], np.clip(F['pmil'], -3, 3),
         np.clip(F['pmir'], -3, 3), F['hasl'], F['hasr'], np.clip(F['bestalt'], -3, 5) * alt, alt * 1.0,
         ((F['bl'] == 0) & (F['br'] == 0)) * 1.0, (F['repeats'] > 0) * 1.0, np.log1p(F['repeats'])]
    if corpus:
        lg = lambda v: np.log10(np.maximum(v, 0) + 1)
        x += [lg(F['cu']), lg(F['cl']), lg(F['cr']), lg(F['ct']), ((F['cl'] <= 0) & (F['cr'] <= 0)) * 1.0,
              np.clip(F['calt'], -3, 3) * alt]
    return np.stack(x, 1)


def fit(x, y, l2=1e-3, steps=5000, rate=0.5):
    """Logistic regression by gradient descent on standardised features; weights for the raw features."""
    mu, sd = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = x.copy()
    z[:, 1:] = (x[:, 1:] - mu) / sd
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * w)
    raw = w.copy()
    raw[1:] = w[1:] / sd
    raw[0] = w[0] - (w[1:] * mu / sd).sum()
    return raw


def units():
    """Unit of each row for the document AUC: a document of 100+ checked words, else a pool of its group."""
    keys, pools = [None] * len(rows), {}
    by_doc = {}
    for i in range(len(rows)):
        by_doc.setdefault((int(F['spun'][i]), int(F['doc'][i])), []).append(i)
    for (spun, doc), idx in by_doc.items():
        g = (spun, group[idx[0]])
        if len(idx) >= 100:
            key = (spun, doc)
        else:
            pool = pools.setdefault(g, [doc, 0])
            key = (spun, g, pool[0])
            pool[1] += len(idx)
            if pool[1] >= 110:
                del pools[g]
        for i in idx:
            keys[i] = key
    return keys


def auc(pos, neg):
    pos, neg = np.asarray(pos), np.sort(np.asarray(neg))
    wins = np.searchsorted(neg, pos, 'left') + 0.5 * (np.searchsorted(neg, pos, 'right') - np.searchsorted(neg, pos, 'left'))
    return wins.sum() / (len(pos) * len(neg))


def document_auc(score, mask, keys):
    sums = {}
    for i in np.where(mask)[0]:
        s = sums.setdefault(keys[i], [0.0, 0])
        s[0] += score[i]
        s[1] += 1
    pos = [s / n for k, (s, n) in sums.items() if k[0] == 1]
    neg = [s / n for k, (s, n) in sums.items() if k[0] == 0]
    return auc(pos, neg)


keys = units()
y = F['label']
even = F['doc'] % 2 == 0
for corpus, floor in ((False, -1.0), (True, 0.0)):
    x = features(corpus)
    w = fit(x[even], y[even])
    z = x @ w
    print('corpus' if corpus else 'lm-only', 'held-out document AUC %.4f' % document_auc(np.maximum(z - floor, 0), ~even, keys))
    print('  weights', ', '.join('%.4f' % v for v in fit(x, y)))
